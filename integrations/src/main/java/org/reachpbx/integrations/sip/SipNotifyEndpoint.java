package org.reachpbx.integrations.sip;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** {@code sipnotify:<event package>}: send-only. */
public class SipNotifyEndpoint extends DefaultEndpoint {

    private final String event;

    SipNotifyEndpoint(String uri, SipNotifyComponent component, String event) {
        super(uri, component);
        this.event = event;
    }

    @Override
    public Producer createProducer() {
        return new SipNotifyProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("sipnotify only sends NOTIFY requests");
    }

    @Override
    public SipNotifyComponent getComponent() {
        return (SipNotifyComponent) super.getComponent();
    }

    String event() {
        return event;
    }
}
