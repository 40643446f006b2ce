package org.reachpbx.integrations.sip;

import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.reachpbx.integrations.mwi.MessageSummary;

/**
 * Sends the body as NOTIFY to every target at once; fails when any target does not accept it (the
 * outbox then retries the message, and the phones that accepted it get the same state again).
 */
class SipNotifyProducer extends DefaultProducer {

    SipNotifyProducer(SipNotifyEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SipNotifyEndpoint getEndpoint() {
        return (SipNotifyEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Object targets = in.getHeader(SipNotifyComponent.TARGETS);
        Collection<?> list = targets == null ? List.of() : targets instanceof Collection<?> c ? c : List.of(targets);
        if (list.isEmpty()) {
            return;
        }
        String account = in.getHeader(SipNotifyComponent.ACCOUNT, String.class);
        String contentType = in.getHeader(SipNotifyComponent.CONTENT_TYPE, MessageSummary.CONTENT_TYPE, String.class);
        String body = in.getBody(String.class);
        SipNotifyComponent component = getEndpoint().getComponent();
        SipNotifier notifier = component.notifier();
        // All at once: one phone that does not answer must not hold up the others.
        java.util.List<java.util.concurrent.CompletableFuture<Void>> sent = new java.util.ArrayList<>();
        for (Object target : list) {
            sent.add(notifier.send(target.toString(), account == null ? target.toString() : account,
                    getEndpoint().event(), contentType, body, component.getTimeout()));
        }
        javax.sip.SipException first = null;
        for (java.util.concurrent.CompletableFuture<Void> f : sent) {
            try {
                f.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof javax.sip.SipException s ? s
                            : new javax.sip.SipException(String.valueOf(e.getCause()), e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
