package org.reachpbx.integrations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says once at start-up which peers the outbox can reach, and what happens to the messages of the
 * others: they wait. Never prints a password.
 */
@Component
public class IntegrationsStartupReport {

    private static final Logger log = LoggerFactory.getLogger(IntegrationsStartupReport.class);

    private final IntegrationsProperties properties;

    public IntegrationsStartupReport(IntegrationsProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        IntegrationsProperties.Smtp smtp = properties.getSmtp();
        IntegrationsProperties.Smpp smpp = properties.getSmpp();
        log.info("""
                Integrations
                  voicemail e-mail   {}
                  voicemail SMS      {}
                  CRM webhooks       per tenant (REST /api/tenants/<id>/webhooks)
                  message waiting    NOTIFY from {}:{} (udp), opened at the first NOTIFY""",
                smtp.configured() ? "SMTP " + smtp.getHost() + ":" + smtp.getPort()
                        + (smtp.getUsername().isBlank() ? "" : " as " + smtp.getUsername())
                        : "not configured: e-mails wait in the outbox (set pbx.integrations.smtp.host)",
                smpp.configured() ? "SMSC " + smpp.getHost() + ":" + smpp.getPort() + " as " + smpp.getSystemId()
                        : "not configured: SMS messages wait in the outbox (set pbx.integrations.smpp.host and .system-id)",
                properties.getSip().getHost(), properties.getSip().getPort());
    }
}
