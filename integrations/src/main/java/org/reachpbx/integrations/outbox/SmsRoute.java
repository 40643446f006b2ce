package org.reachpbx.integrations.outbox;

import java.util.Collection;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.smpp.SmppComponent;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppConstants;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.integrations.IntegrationsProperties;
import org.springframework.stereotype.Component;

/**
 * Voicemail SMS messages (VM-05) through camel-smpp: a submit_sm to the configured SMSC, with the
 * destination as an international number (TON 1, NPI 1). The session is opened at the first SMS
 * (lazy), so a missing SMSC never stops the server from starting; the endpoint returns when the
 * SMSC accepted the message, with its message id for the billing record.
 */
@Component
public class SmsRoute extends RouteBuilder {

    static final String ENTRY = "direct:outbox-sms";

    private final IntegrationsProperties properties;

    public SmsRoute(IntegrationsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        // Failures are outcomes here (a failed attempt, a failed pull), handled by the routes themselves.
        errorHandler(noErrorHandler());
        IntegrationsProperties.Smpp smpp = properties.getSmpp();
        if (!smpp.configured()) {
            from(ENTRY).routeId("outbox-sms").process(e -> {
                throw new ChannelNotConfiguredException(
                        "no SMSC is configured (pbx.integrations.smpp.host and .system-id)");
            });
            return;
        }
        SmppComponent component = getContext().getComponent("smpp", SmppComponent.class);
        SmppConfiguration c = component.getConfiguration() == null ? new SmppConfiguration() : component.getConfiguration();
        c.setPassword(smpp.getPassword());
        c.setSystemType(smpp.getSystemType());
        c.setSourceAddr(smpp.getSourceAddress());
        c.setSourceAddrTon(smpp.getSourceTon());
        c.setSourceAddrNpi(smpp.getSourceNpi());
        c.setDestAddrTon((byte) 1);
        c.setDestAddrNpi((byte) 1);
        c.setRegisteredDelivery((byte) 0);
        c.setLazySessionCreation(true);
        c.setTransactionTimer((int) smpp.getTimeout().toMillis());
        c.setInitialReconnectDelay(smpp.getReconnectDelay().toMillis());
        c.setReconnectDelay(smpp.getReconnectDelay().toMillis());
        component.setConfiguration(c);

        from(ENTRY).routeId("outbox-sms")
                .process(this::compose)
                .to("smpp://" + smpp.getSystemId() + "@" + smpp.getHost() + ":" + smpp.getPort())
                .process(this::reference);
    }

    private void compose(Exchange e) {
        OutboxMessage m = OutboxRoute.message(e);
        e.getMessage().getHeaders().clear();
        String destination = m.getDestination().startsWith("+") ? m.getDestination().substring(1) : m.getDestination();
        e.getMessage().setHeader(SmppConstants.DEST_ADDR, destination);
        e.getMessage().setBody(m.getBody());
    }

    private void reference(Exchange e) {
        Object id = e.getMessage().getHeader(SmppConstants.ID);
        String reference = id instanceof Collection<?> ids ? String.join(",", ids.stream().map(String::valueOf).toList())
                : id == null ? null : id.toString();
        e.setProperty(OutboxRoute.PEER_REFERENCE, reference);
    }
}
