package org.reachpbx.integrations.outbox;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.integrations.IntegrationsProperties;
import org.springframework.stereotype.Component;

/**
 * The outbox route. Camel's scheduler polls for due messages and hands them to senders
 * ({@link OutboxDispatcher}, one per peer at a time); each is claimed, handed to the route
 * of its channel (which ends at the smtp, smpp, http or sipnotify endpoint) and marked DELIVERED when
 * that endpoint returned normally, i.e. the peer accepted it. Any exception becomes a failed attempt.
 */
@Component
public class OutboxRoute extends RouteBuilder {

    /** Exchange property with the claimed {@link OutboxMessage}. */
    public static final String MESSAGE = "reachpbx.outbox.message";
    /** Exchange property a channel route may set with the peer's reference for the message. */
    public static final String PEER_REFERENCE = "reachpbx.outbox.peerReference";
    private static final String ENTRY = "outboxChannelRoute";

    private final Outbox outbox;
    private final DeliveryOutcomes outcomes;
    private final IntegrationsProperties properties;
    private final OutboxDispatcher dispatcher;
    private ProducerTemplate template;

    public OutboxRoute(Outbox outbox, DeliveryOutcomes outcomes, IntegrationsProperties properties,
                       OutboxDispatcher dispatcher) {
        this.outbox = outbox;
        this.outcomes = outcomes;
        this.properties = properties;
        this.dispatcher = dispatcher;
    }

    @Override
    public void configure() {
        // Failures are outcomes here (a failed attempt, a failed pull), handled by the routes themselves.
        errorHandler(noErrorHandler());
        // The poller only starts deliveries (OutboxDispatcher); it never waits for a peer, so a peer
        // that does not answer delays neither the next poll nor messages to other peers.
        from("scheduler:outbox?delay=" + properties.getOutbox().getPollInterval().toMillis() + "&initialDelay=1000")
                .routeId("outbox-poller")
                .process(e -> {
                    ProducerTemplate sender = sender();
                    dispatcher.dispatch(outbox.due(), id -> sender.sendBody("direct:outbox-deliver", id));
                });

        from("direct:outbox-deliver")
                .routeId("outbox-deliver")
                .process(this::claim)
                .filter(exchangeProperty(MESSAGE).isNotNull())
                    .doTry()
                        .toD("${exchangeProperty." + ENTRY + "}")
                        .process(e -> outcomes.delivered(message(e).getId(),
                                e.getProperty(PEER_REFERENCE, String.class)))
                    .doCatch(Exception.class)
                        .process(e -> outcomes.failed(message(e).getId(),
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                    .end()
                .end();
    }

    private synchronized ProducerTemplate sender() {
        if (template == null) {
            template = getContext().createProducerTemplate();
        }
        return template;
    }

    private void claim(Exchange e) {
        long id = e.getMessage().getBody(Long.class);
        outbox.claim(id).ifPresent(m -> {
            e.setProperty(MESSAGE, m);
            e.setProperty(ENTRY, entry(m.getChannel()));
        });
    }

    /** The route of each channel. */
    private static String entry(OutboxChannel channel) {
        return switch (channel) {
            case EMAIL -> EmailRoute.ENTRY;
            case SMS -> SmsRoute.ENTRY;
            case WEBHOOK -> WebhookRoute.ENTRY;
            case MWI -> MwiRoute.ENTRY;
        };
    }

    public static OutboxMessage message(Exchange e) {
        return e.getProperty(MESSAGE, OutboxMessage.class);
    }
}
