package org.reachpbx.integrations.sip;

import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.reachpbx.integrations.mwi.MessageSummary;

/** Sends the body as NOTIFY to every target; fails when any target does not accept it. */
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
        for (Object target : list) {
            notifier.notify(target.toString(), account == null ? target.toString() : account, getEndpoint().event(),
                    contentType, body, component.getTimeout());
        }
    }
}
