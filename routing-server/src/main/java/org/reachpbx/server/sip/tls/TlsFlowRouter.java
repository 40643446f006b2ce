package org.reachpbx.server.sip.tls;

import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * The stack's router ({@code javax.sip.ROUTER_PATH}) when TLS is on: a request to a phone that
 * registered over TLS goes back through the connection the phone opened, not a new one to its
 * Contact. A phone's Contact names the port it listens on, not the one its connection came from, so
 * the stack would otherwise open a TLS connection to the phone (which needs the phone's certificate
 * to be trusted, and a phone behind NAT cannot be reached that way at all). Everything else is
 * routed by the stack's {@link DefaultRouter}.
 */
public class TlsFlowRouter implements Router {

    /** Where a TLS phone's connection came from, by its Contact's host and port; empty if none. */
    public interface Flows extends BiFunction<String, Integer, Optional<java.net.InetSocketAddress>> {
    }

    private static final Map<String, Flows> FLOWS = new ConcurrentHashMap<>();

    private final DefaultRouter standard;
    private final Flows flows;

    /** Made by the stack, with its outbound proxy setting. */
    public TlsFlowRouter(SipStack stack, String outboundProxy) {
        this.standard = new DefaultRouter(stack, outboundProxy);
        Flows registered = FLOWS.get(stack.getStackName());
        this.flows = registered != null ? registered : (host, port) -> Optional.empty();
    }

    /** Tells the router of the stack named {@code stackName} (made next) where TLS phones are. */
    public static void register(String stackName, Flows flows) {
        FLOWS.put(stackName, flows);
    }

    public static void unregister(String stackName) {
        FLOWS.remove(stackName);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Hop hop = standard.getNextHop(request);
        if (hop != null && ListeningPoint.TLS.equalsIgnoreCase(hop.getTransport())) {
            Optional<java.net.InetSocketAddress> flow = flows.apply(hop.getHost(), hop.getPort());
            if (flow.isPresent()) {
                return new HopImpl(flow.get().getAddress().getHostAddress(), flow.get().getPort(), ListeningPoint.TLS);
            }
        }
        return hop;
    }

    @Override
    @SuppressWarnings({"deprecation", "rawtypes"})
    public ListIterator getNextHops(Request request) {
        return standard.getNextHops(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return standard.getOutboundProxy();
    }
}
