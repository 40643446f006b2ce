package org.reachpbx.integrations.sip;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * Camel component {@code sipnotify:<event>} (Camel 4 no longer ships camel-sip): its producer sends
 * the message body as an out-of-dialog SIP NOTIFY of that event package, e.g.
 * {@code sipnotify:message-summary}, to the contact URIs in header {@link #TARGETS}. The JAIN-SIP
 * stack starts with the first NOTIFY, so a server that never sends one never opens the port.
 */
public class SipNotifyComponent extends DefaultComponent {

    /** Header: the contact URI or URIs (a collection) to send the NOTIFY to. */
    public static final String TARGETS = "SipNotifyTargets";
    /** Header: the resource the state is about, used as From and To (e.g. the mailbox account). */
    public static final String ACCOUNT = "SipNotifyAccount";
    /** Header: the body's content type; {@code application/simple-message-summary} by default. */
    public static final String CONTENT_TYPE = "SipNotifyContentType";

    private String host = "127.0.0.1";
    private int port = 5070;
    private Duration timeout = Duration.ofSeconds(5);
    private SipNotifier notifier;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SipNotifyEndpoint endpoint = new SipNotifyEndpoint(uri, this, remaining.isBlank() ? "message-summary" : remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    synchronized SipNotifier notifier() throws javax.sip.SipException {
        if (notifier == null) {
            SipNotifier started = new SipNotifier(host, port);
            started.start();
            notifier = started;
        }
        return notifier;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (notifier != null) {
            notifier.stop();
            notifier = null;
        }
        super.doStop();
    }

    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
}
