package org.reachpbx.integrations.outbox;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.integrations.mwi.MessageSummary;
import org.reachpbx.integrations.mwi.MessageWaiting;
import org.reachpbx.integrations.sip.SipNotifyComponent;
import org.springframework.stereotype.Component;

/**
 * Message waiting to phones: the box's current counts as a message-summary NOTIFY (RFC 3842) to
 * every device the registrar knows for the box's user, through the project's {@code sipnotify}
 * component. With no device registered there is nothing to send; the registrar sends the state
 * when a device subscribes or registers later. A message queued for one phone that registered goes
 * to that phone only, and not at all once its registration is gone.
 */
@Component
public class MwiRoute extends RouteBuilder {

    static final String ENTRY = "direct:outbox-mwi";

    private final MessageWaiting messageWaiting;

    public MwiRoute(MessageWaiting messageWaiting) {
        this.messageWaiting = messageWaiting;
    }

    @Override
    public void configure() {
        // Failures are outcomes here (a failed attempt, a failed pull), handled by the routes themselves.
        errorHandler(noErrorHandler());
        from(ENTRY).routeId("outbox-mwi")
                .process(this::compose)
                .to("sipnotify:message-summary");
    }

    private void compose(Exchange e) {
        OutboxMessage m = OutboxRoute.message(e);
        MessageSummary summary = messageWaiting.summary(m.getTenantId(), m.getBox(), m.getDestination());
        e.getMessage().getHeaders().clear();
        e.getMessage().setHeader(SipNotifyComponent.TARGETS, messageWaiting.targets(m));
        e.getMessage().setHeader(SipNotifyComponent.ACCOUNT, summary.account());
        e.getMessage().setHeader(SipNotifyComponent.CONTENT_TYPE, MessageSummary.CONTENT_TYPE);
        e.getMessage().setBody(summary.body());
    }
}
