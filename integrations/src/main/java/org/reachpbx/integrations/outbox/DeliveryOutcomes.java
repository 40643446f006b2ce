package org.reachpbx.integrations.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.directory.integrations.OutboxState;
import org.reachpbx.directory.integrations.SmsBillingRecordRepository;
import org.reachpbx.integrations.IntegrationsProperties;
import org.reachpbx.integrations.voicemail.VoicemailMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the outcome of one attempt: DELIVERED with its consequences (the voicemail message is
 * deleted once its e-mail was accepted, VM-04; the SMS billing record gets the SMSC's id, VM-05),
 * or a failure, which schedules the next attempt with exponential backoff or makes the message DEAD.
 */
@Service
public class DeliveryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final OutboxMessageRepository messages;
    private final SmsBillingRecordRepository billing;
    private final VoicemailMessages voicemail;
    private final IntegrationsProperties properties;
    private final Backoff backoff;
    private final Clock clock;
    private final Map<OutboxChannel, AtomicBoolean> unconfiguredReported = new EnumMap<>(OutboxChannel.class);

    public DeliveryOutcomes(OutboxMessageRepository messages, SmsBillingRecordRepository billing,
                            VoicemailMessages voicemail, IntegrationsProperties properties, Clock clock) {
        this.messages = messages;
        this.billing = billing;
        this.voicemail = voicemail;
        this.properties = properties;
        this.backoff = new Backoff(properties.getOutbox());
        this.clock = clock;
        for (OutboxChannel c : OutboxChannel.values()) {
            unconfiguredReported.put(c, new AtomicBoolean());
        }
    }

    /** The peer accepted the message; {@code peerReference} is e.g. the SMSC's message id. */
    @Transactional
    public void delivered(long id, String peerReference) {
        OutboxMessage m = messages.findById(id).orElseThrow();
        Instant now = clock.instant();
        m.setState(OutboxState.DELIVERED);
        m.setAttempts(m.getAttempts() + 1);
        m.setLastAttemptAt(now);
        m.setDeliveredAt(now);
        m.setLastError(null);
        if (m.getChannel() == OutboxChannel.EMAIL && m.isDeleteAfterDelivery() && m.getVoicemailMessageId() != null) {
            voicemail.deleteAfterEmail(m.getTenantId(), m.getVoicemailMessageId());
        }
        if (m.getChannel() == OutboxChannel.SMS) {
            billing.findByOutboxMessageId(id).ifPresent(record -> {
                record.setSubmittedAt(now);
                record.setSmscMessageId(peerReference);
            });
        }
        log.info("Outbox message {} ({}) delivered after {} attempt(s)", id, m.getChannel(), m.getAttempts());
    }

    /** The attempt failed: retry later, or DEAD when the attempts are used up or it can never succeed. */
    @Transactional
    public void failed(long id, Throwable cause) {
        OutboxMessage m = messages.findById(id).orElseThrow();
        Instant now = clock.instant();
        String reason = describe(cause);
        m.setLastError(reason);
        if (cause instanceof ChannelNotConfiguredException) {
            // Not the peer's fault and not an attempt: wait for the configuration, say so once.
            m.setNextAttemptAt(now.plus(properties.getOutbox().getUnconfiguredRecheck()));
            if (!unconfiguredReported.get(m.getChannel()).getAndSet(true)) {
                log.warn("Outbox: {} messages wait because {}; they go out once it is configured",
                        m.getChannel(), cause.getMessage());
            }
            return;
        }
        m.setAttempts(m.getAttempts() + 1);
        m.setLastAttemptAt(now);
        if (cause instanceof UndeliverableException || m.getAttempts() >= properties.getOutbox().getMaxAttempts()) {
            m.setState(OutboxState.DEAD);
            log.warn("Outbox message {} ({} to {}) is DEAD after {} attempt(s): {}", id, m.getChannel(),
                    m.getDestination(), m.getAttempts(), reason);
            return;
        }
        m.setNextAttemptAt(now.plus(backoff.after(m.getAttempts())));
        log.info("Outbox message {} ({}) attempt {} failed, next at {}: {}", id, m.getChannel(), m.getAttempts(),
                m.getNextAttemptAt(), reason);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
