package org.reachpbx.server.sip.stack;

import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.b2bua.CallHandler;
import org.reachpbx.server.sip.edge.SipEdge;
import org.reachpbx.server.sip.registrar.Registrar;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The SIP server's one JAIN-SIP stack, listening on UDP and TCP on {@code pbx.sip.host:port} (and
 * on TLS on {@code pbx.sip.tls.port} with {@code pbx.sip.tls.enabled}). It
 * starts with the application and stops with it. REGISTER goes to the registrar, a new INVITE to
 * the call handler, everything about a call in progress to the B2BUA; OPTIONS is answered 200
 * (keep-alive), SUBSCRIBE to the subscriptions (BLF, presence, MWI) and other methods 501.
 */
public class SipServer implements SmartLifecycle, SipListener {

    private static final Logger log = LoggerFactory.getLogger(SipServer.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final SipProperties properties;
    private final Registrar registrar;
    private final CallHandler calls;
    private final B2bua b2bua;
    private final SipEdge edge;
    private volatile String stackName;
    private volatile SipStack stack;
    private volatile SipProvider provider;
    private volatile int port;
    /** The TLS port, or -1 without TLS. */
    private volatile int tlsPort = -1;
    private AddressFactory addresses;
    private HeaderFactory headers;
    private MessageFactory messages;

    public SipServer(SipProperties properties, Registrar registrar, CallHandler calls, B2bua b2bua) {
        this(properties, registrar, calls, b2bua, null);
    }

    /** With the SIP edge (docs/sip-edge.md) in front of the stack; without one ({@code null}) the stack is bare. */
    private volatile SipMessageCounts received;
    /** Counts what the stack sends, through its sockets (docs/operations.md). */
    private final SipMessagesSent sent = new SipMessagesSent();
    /** SUBSCRIBE/NOTIFY (BLF, presence, MWI); without them SUBSCRIBE gets 501. */
    private volatile org.reachpbx.server.sip.subscriptions.Subscriptions subscriptions;

    public void attach(org.reachpbx.server.sip.subscriptions.Subscriptions s) {
        this.subscriptions = s;
    }

    public SipServer(SipProperties properties, Registrar registrar, CallHandler calls, B2bua b2bua, SipEdge edge) {
        this.properties = properties;
        this.registrar = registrar;
        this.calls = calls;
        this.b2bua = b2bua;
        this.edge = edge;
    }

    @Override
    public synchronized void start() {
        if (stack != null) {
            return;
        }
        String host = properties.getHost();
        int wanted = properties.getPort() == 0 ? freePort(host) : properties.getPort();
        checkFree(host, wanted);
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        String name = "reachpbx-sip-" + STACKS.incrementAndGet();
        p.setProperty("javax.sip.STACK_NAME", name);
        if (edge != null) {
            edge.attachTo(name, p);
        }
        sent.attachTo(name);
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", CountingNetworkLayer.class.getName());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(properties.getThreadPoolSize()));
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(properties.getReceiveUdpBufferSize()));
        int tlsWanted = org.reachpbx.server.sip.tls.TlsStackSettings.apply(properties, p, host, name, registrar::tlsFlow);
        try {
            SipStack s = factory.createSipStack(p);
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
            ListeningPoint udp = s.createListeningPoint(host, wanted, ListeningPoint.UDP);
            ListeningPoint tcp = s.createListeningPoint(host, wanted, ListeningPoint.TCP);
            SipProvider prov = s.createSipProvider(udp);
            prov.addListeningPoint(tcp);
            if (tlsWanted > 0) {
                prov.addListeningPoint(s.createListeningPoint(host, tlsWanted, ListeningPoint.TLS));
            }
            prov.addSipListener(this);
            s.start();
            stack = s;
            stackName = name;
            provider = prov;
            port = wanted;
            tlsPort = tlsWanted;
        } catch (Exception e) {
            if (edge != null) {
                edge.detachFrom(name);
            }
            sent.detachFrom(name);
            org.reachpbx.server.sip.tls.TlsFlowRouter.unregister(name);
            throw new IllegalStateException("The SIP server cannot listen on " + host + ":" + wanted
                    + " (udp/tcp): " + e.getMessage() + ". Set pbx.sip.port (PBX_SIP_PORT) to a free port.", e);
        }
        registrar.attach(this);
        calls.attach(this);
        b2bua.attach(this);
        if (tlsWanted > 0) {
            log.info("SIP server listening on {}:{} (udp, tcp) and {}:{} (tls)", host, wanted, host, tlsWanted);
        } else {
            log.info("SIP server listening on {}:{} (udp, tcp)", host, wanted);
        }
    }

    /** Fails early, with a clear message, when another program holds the port. */
    private static void checkFree(String host, int port) {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), port));
             ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (Exception e) {
            throw new IllegalStateException("The SIP port " + host + ":" + port + " is in use (" + e.getMessage()
                    + "). Stop the other SIP server or start ReachPBX with --pbx.sip.port=<port> (PBX_SIP_PORT).", e);
        }
    }

    private static int freePort(String host) {
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
                int candidate = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(candidate, 1, InetAddress.getByName(host))) {
                    return candidate;
                } catch (Exception busy) {
                    // try another
                }
            } catch (Exception e) {
                throw new IllegalStateException("no free SIP port on " + host, e);
            }
        }
        throw new IllegalStateException("no free SIP port on " + host);
    }

    @Override
    public synchronized void stop() {
        SipStack s = stack;
        stack = null;
        provider = null;
        if (s != null) {
            b2bua.shutdown();
            s.stop();
            if (edge != null) {
                edge.detachFrom(stackName);
            }
            sent.detachFrom(stackName);
            org.reachpbx.server.sip.tls.TlsFlowRouter.unregister(stackName);
            log.info("SIP server stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return stack != null;
    }

    /** The port the server listens on (the chosen one when {@code pbx.sip.port} is 0). */
    public int port() {
        return port;
    }

    /** The TLS port, or -1 when TLS is off. */
    public int tlsPort() {
        return tlsPort;
    }

    /** Our port for this transport: the TLS port for TLS, else the UDP/TCP port. */
    public int portFor(String transport) {
        return transport != null && transport.equalsIgnoreCase("tls") && tlsPort > 0 ? tlsPort : port;
    }

    /** The address the server listens on. */
    public String host() {
        return properties.getHost();
    }

    /** The address written into Via and Contact: {@code advertised-host}, else the listening address. */
    public String advertisedHost() {
        String advertised = properties.getAdvertisedHost();
        if (advertised != null && !advertised.isBlank()) {
            return advertised;
        }
        String host = properties.getHost();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            try {
                return InetAddress.getLocalHost().getHostAddress();
            } catch (Exception e) {
                return "127.0.0.1";
            }
        }
        return host;
    }

    /** Our Contact for a dialog on this transport. */
    public javax.sip.header.ContactHeader contactHeader(String transport) throws Exception {
        javax.sip.address.SipURI uri = addresses.createSipURI(null, advertisedHost());
        uri.setPort(portFor(transport));
        if (transport != null && (transport.equalsIgnoreCase("tcp") || transport.equalsIgnoreCase("tls"))) {
            uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    public SipProvider provider() {
        return provider;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public MessageFactory messages() {
        return messages;
    }

    /**
     * Counts the SIP messages received and sent (docs/operations.md): requests by method, responses
     * by method and status class.
     */
    public void meter(io.micrometer.core.instrument.MeterRegistry registry) {
        this.received = new SipMessageCounts(registry);
        sent.meter(registry);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        SipMessageCounts counts = received;
        if (counts != null) {
            counts.request(request.getMethod());
        }
        try {
            switch (request.getMethod()) {
                case Request.REGISTER -> registrar.process(event);
                case Request.INVITE -> calls.invite(event);
                case Request.CANCEL -> b2bua.cancel(event);
                case Request.ACK -> b2bua.ack(event);
                case Request.OPTIONS -> reply(event, Response.OK, null);
                case Request.BYE, Request.UPDATE, Request.INFO, Request.REFER -> b2bua.inDialog(event);
                case Request.SUBSCRIBE -> {
                    if (subscriptions != null) {
                        subscriptions.subscribe(event);
                    } else {
                        reply(event, Response.NOT_IMPLEMENTED, null);
                    }
                }
                default -> reply(event, Response.NOT_IMPLEMENTED, null);
            }
        } catch (javax.sip.TransactionAlreadyExistsException | javax.sip.TransactionUnavailableException e) {
            // the stack refused a transaction for it (a request it takes for a duplicate, or one it
            // finds incomplete): a protocol matter, not a bug of ours: one line (the edge answers most)
            log.warn("Could not handle a {}: {}", request.getMethod(), e.toString());
            answerFailure(event);
        } catch (Exception | LinkageError e) {
            log.warn("Could not handle a {}: {}", request.getMethod(), e.toString(), e);
            answerFailure(event);
        }
    }

    /**
     * A request we failed on must still get an answer, or the phone retransmits and then gives
     * up after 32 s with nothing said: 500, unless a final answer already went out (or it is an ACK).
     */
    private void answerFailure(RequestEvent event) {
        if (Request.ACK.equals(event.getRequest().getMethod())) {
            return;
        }
        try {
            ServerTransaction tx = event.getServerTransaction();
            if (tx != null && tx.getState() != null && tx.getState().getValue() >= javax.sip.TransactionState._COMPLETED) {
                return;
            }
            reply(event, Response.SERVER_INTERNAL_ERROR, "Internal error; see the server log");
        } catch (Exception ignored) {
            // the transaction is gone or answered; nothing more we can say
        }
    }

    /** Answers a request statelessly-safe: in its server transaction, made when missing. */
    public void reply(RequestEvent event, int status, String reason) throws Exception {
        Response response = messages.createResponse(status, event.getRequest());
        if (reason != null) {
            response.setReasonPhrase(reason);
        }
        send(event, response);
    }

    public void send(RequestEvent event, Response response) throws Exception {
        ServerTransaction tx = event.getServerTransaction();
        if (tx == null) {
            tx = provider.getNewServerTransaction(event.getRequest());
        }
        tx.sendResponse(response);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        SipMessageCounts counts = received;
        if (counts != null) {
            counts.response(event.getResponse());
        }
        try {
            if (subscriptions != null && subscriptions.response(event)) {
                return;
            }
            b2bua.response(event);
        } catch (RuntimeException e) {
            log.warn("Could not handle a {} response: {}", event.getResponse().getStatusCode(), e.toString());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        try {
            if (subscriptions != null && subscriptions.timeout(event)) {
                return;
            }
            b2bua.timeout(event);
        } catch (RuntimeException e) {
            log.warn("Could not handle a transaction timeout: {}", e.toString());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        try {
            b2bua.dialogTerminated(event.getDialog());
        } catch (RuntimeException e) {
            log.warn("Could not handle a terminated dialog: {}", e.toString());
        }
    }
}
