package org.reachpbx.integrations.outbox;

import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.VoicemailMessageRepository;
import org.reachpbx.integrations.IntegrationsProperties;
import org.reachpbx.integrations.crm.WebhookSignature;
import org.reachpbx.integrations.voicemail.VoicemailAudioStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Voicemail e-mails (VM-04) through camel-mail's {@code smtp} endpoint. The endpoint returns when
 * the SMTP server accepted the message; only then is the outbox message DELIVERED (and the voicemail
 * deleted, when the box says so). The account's password is set on the component, never in a URI.
 */
@Component
public class EmailRoute extends RouteBuilder {

    static final String ENTRY = "direct:outbox-email";

    private final IntegrationsProperties properties;
    private final VoicemailMessageRepository voicemails;
    private final VoicemailAudioStore audio;
    private final TransactionTemplate readOnly;

    public EmailRoute(IntegrationsProperties properties, VoicemailMessageRepository voicemails,
                      VoicemailAudioStore audio, TransactionTemplate transactions) {
        this.properties = properties;
        this.voicemails = voicemails;
        this.audio = audio;
        this.readOnly = transactions;
    }

    @Override
    public void configure() {
        // Failures are outcomes here (a failed attempt, a failed pull), handled by the routes themselves.
        errorHandler(noErrorHandler());
        IntegrationsProperties.Smtp smtp = properties.getSmtp();
        if (!smtp.configured()) {
            from(ENTRY).routeId("outbox-email").process(e -> {
                throw new ChannelNotConfiguredException("no SMTP server is configured (pbx.integrations.smtp.host)");
            });
            return;
        }
        MailConfiguration mail = getContext().getComponent("smtp", MailComponent.class).getConfiguration();
        if (!smtp.getUsername().isBlank()) {
            mail.setUsername(smtp.getUsername());
            mail.setPassword(smtp.getPassword());
        }
        mail.setFrom(smtp.getFrom());
        mail.setConnectionTimeout((int) smtp.getTimeout().toMillis());
        Properties extra = new Properties();
        extra.setProperty("mail.smtp.timeout", String.valueOf(smtp.getTimeout().toMillis()));
        extra.setProperty("mail.smtp.writetimeout", String.valueOf(smtp.getTimeout().toMillis()));
        if (smtp.isStarttls()) {
            extra.setProperty("mail.smtp.starttls.enable", "true");
            extra.setProperty("mail.smtp.starttls.required", "true");
        }
        mail.setAdditionalJavaMailProperties(extra);

        from(ENTRY).routeId("outbox-email")
                .process(this::compose)
                .to("smtp://" + smtp.getHost() + ":" + smtp.getPort());
    }

    private void compose(Exchange e) {
        OutboxMessage m = OutboxRoute.message(e);
        AttachmentMessage out = e.getMessage(AttachmentMessage.class);
        // Every header becomes a mail header: start from none.
        out.getHeaders().clear();
        out.setHeader("To", m.getDestination());
        out.setHeader("From", properties.getSmtp().getFrom());
        out.setHeader("Subject", m.getSubject());
        out.setHeader("Content-Type", "text/plain; charset=UTF-8");
        out.setHeader(WebhookSignature.IDEMPOTENCY_HEADER, m.getIdempotencyKey());
        out.setBody(m.getBody());
        if (m.isAttachAudio() && m.getVoicemailMessageId() != null) {
            byte[] wav = readOnly.execute(s -> voicemails.findById(m.getVoicemailMessageId())
                    .flatMap(audio::load).orElse(null));
            if (wav != null) {
                out.addAttachment("voicemail-" + m.getVoicemailMessageId() + ".wav",
                        new DataHandler(new ByteArrayDataSource(wav, "audio/wav")));
            }
        }
    }
}
