package org.reachpbx.integrations;

import java.nio.file.Path;
import java.time.Duration;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code pbx.integrations.*} (docs/integrations.md). Nothing is required: without
 * an SMTP host or an SMSC, their messages wait in the outbox (and are retried) until one is set.
 * Passwords are never logged: these classes have no toString, and the Camel components get them as
 * properties rather than inside endpoint URIs (which Camel logs).
 */
@ConfigurationProperties("pbx.integrations")
@Getter
@Setter
public class IntegrationsProperties {

    private Smtp smtp = new Smtp();
    private Smpp smpp = new Smpp();
    private Outbox outbox = new Outbox();
    private Sip sip = new Sip();
    private Webhook webhook = new Webhook();
    private ContactPull contactPull = new ContactPull();
    private Voicemail voicemail = new Voicemail();

    @Getter
    @Setter
    public static class Smtp {
        /** Empty: no SMTP server configured, e-mails stay in the outbox. */
        private String host = "";
        private int port = 25;
        private String username = "";
        private String password = "";
        private String from = "voicemail@reachpbx.local";
        /** Upgrade the connection with STARTTLS (required when set). */
        private boolean starttls;
        private Duration timeout = Duration.ofSeconds(10);

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    @Getter
    @Setter
    public static class Smpp {
        /** Empty: no SMSC configured, SMS messages stay in the outbox. */
        private String host = "";
        private int port = 2775;
        private String systemId = "";
        private String password = "";
        private String systemType = "";
        /** The sender shown on the phone: alphanumeric (TON 5) or a number. */
        private String sourceAddress = "ReachPBX";
        private byte sourceTon = 5;
        private byte sourceNpi = 0;
        private Duration timeout = Duration.ofSeconds(10);
        /** How long camel-smpp waits before it binds again after the SMSC dropped the session. */
        private Duration reconnectDelay = Duration.ofSeconds(5);

        public boolean configured() {
            return host != null && !host.isBlank() && systemId != null && !systemId.isBlank();
        }
    }

    @Getter
    @Setter
    public static class Outbox {
        /** How often the outbox route looks for due messages. */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** Attempts before a message becomes DEAD. */
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofSeconds(10);
        private double backoffMultiplier = 2.0;
        private Duration maxBackoff = Duration.ofHours(1);
        /** Messages started per poll at most; the due messages are read ten times this many at a time. */
        private int batchSize = 50;
        /**
         * Messages in delivery at once, each to another peer (one SMTP server, one SMSC, one webhook
         * endpoint, one phone): a peer that does not answer holds one sender, not the whole outbox.
         */
        private int concurrency = 8;
        /** How long a message taken for an attempt is held; after a crash it is due again then. */
        private Duration lease = Duration.ofMinutes(2);
        /** When a channel is not configured, look again after this long (no attempt is counted). */
        private Duration unconfiguredRecheck = Duration.ofMinutes(1);
    }

    @Getter
    @Setter
    public static class Sip {
        /** Loopback by default: the NOTIFY sender is not a public SIP service. */
        private String host = "127.0.0.1";
        private int port = 5070;
        /**
         * Wait this long for the phone's final response to a NOTIFY. Short: a phone answers a NOTIFY
         * at once or is gone, and the outbox retries later anyway.
         */
        private Duration timeout = Duration.ofSeconds(2);
    }

    @Getter
    @Setter
    public static class Webhook {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(10);
    }

    @Getter
    @Setter
    public static class ContactPull {
        /** How often the pull route checks which tenants' pulls are due. */
        private Duration checkInterval = Duration.ofSeconds(30);
        /** The shortest interval a tenant may configure. */
        private Duration minimumInterval = Duration.ofMinutes(1);
    }

    @Getter
    @Setter
    public static class Voicemail {
        /** Keep audio as files below this folder; empty keeps audio in the database. */
        private Path audioFolder;
        /** The largest WAV accepted (8 kHz 16-bit mono: about 16 KB per second). */
        private long maxAudioBytes = 50L * 1024 * 1024;
    }
}
