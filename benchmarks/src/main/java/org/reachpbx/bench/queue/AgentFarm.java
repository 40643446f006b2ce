package org.reachpbx.bench.queue;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The agents of the queue benchmark (benchmarks/queue/run-queue.sh, docs/performance.md "Queues"):
 * one JAIN-SIP stack on UDP that registers every agent's channel with digest authentication (the
 * stack's own {@link AuthenticationHelper}, MD5), answers every INVITE at once with 200 and an SDP
 * (its RTP goes to a socket this farm drains), and after the talk time hangs up with BYE; then the
 * agent is free, and the next INVITE for it measures the dispatch latency: INVITE arrival − the
 * moment the BYE was sent (or the server's BYE answered, when the caller hung up first). That is the
 * time the server takes to see the agent free, pick the next waiting caller and ring the agent.
 * <p>
 * Every dispatch is appended to {@code samples.csv} as {@code epochMillis,latencyMicros,agent}; the
 * script picks the steady-state window from it. Runs until killed.
 * <p>
 * {@code java -cp ... org.reachpbx.bench.queue.AgentFarm <farm ip> <farm port> <server ip:port> <domain>
 * <first channel number> <count> <talk ms> <samples.csv>}; channel {@code achN}, password {@code pw-aN-secret}.
 */
public final class AgentFarm implements SipListener {

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final AuthenticationHelper auth;
    private final String host;
    private final int port;
    private final String domain;
    private final String sdp;
    private final long talkMillis;
    private final PrintWriter samples;
    private final ScheduledExecutorService hangUps = Executors.newSingleThreadScheduledExecutor();
    /** Per agent channel: when it became free (System.nanoTime), 0 while not known to be free. */
    private final Map<String, AtomicLong> freeSince = new ConcurrentHashMap<>();
    private final CountDownLatch registered;
    private final AtomicLong dispatched = new AtomicLong();

    private AgentFarm(SipStackExt stack, SipProvider provider, SipFactory factory, String host, int port,
                      String domain, int mediaPort, long talkMillis, PrintWriter samples, int agents) throws Exception {
        this.provider = provider;
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        this.auth = stack.getAuthenticationHelper(new Passwords(domain), headers);
        this.host = host;
        this.port = port;
        this.domain = domain;
        this.talkMillis = talkMillis;
        this.samples = samples;
        this.registered = new CountDownLatch(agents);
        this.sdp = "v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=audio " + mediaPort + " RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n";
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String server = args[2];
        String domain = args[3];
        int first = Integer.parseInt(args[4]);
        int count = Integer.parseInt(args[5]);
        long talk = Long.parseLong(args[6]);
        Path out = Path.of(args[7]);
        int mediaPort = port + 1;
        drain(host, mediaPort);

        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "agent-farm");
        // REGISTERs go to the domain's URI (the digest uri the server checks) through the server's address.
        p.setProperty("javax.sip.OUTBOUND_PROXY", server + "/udp");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(4 * 1024 * 1024));
        SipStackExt stack = (SipStackExt) factory.createSipStack(p);
        ListeningPoint udp = stack.createListeningPoint(host, port, ListeningPoint.UDP);
        SipProvider provider = stack.createSipProvider(udp);
        PrintWriter samples = new PrintWriter(Files.newBufferedWriter(out), true);
        AgentFarm farm = new AgentFarm(stack, provider, factory, host, port, domain, mediaPort, talk, samples, count);
        provider.addSipListener(farm);
        stack.start();
        for (int i = 0; i < count; i++) {
            farm.register("ach" + (first + i));
        }
        if (!farm.registered.await(30, TimeUnit.SECONDS)) {
            System.err.println("AgentFarm: " + farm.registered.getCount() + " of " + count + " agents not registered");
            System.exit(1);
        }
        System.out.println("AgentFarm: " + count + " agents registered on " + host + ":" + port + ", talk " + talk + " ms");
        while (true) {
            Thread.sleep(10_000);
            System.out.println("AgentFarm: " + farm.dispatched.get() + " dispatches measured");
        }
    }

    /** The agents' RTP (the caller's side of the bridge) is read and dropped, so the server's sends never meet a closed port. */
    private static void drain(String host, int mediaPort) throws IOException {
        DatagramSocket socket = new DatagramSocket(mediaPort, InetAddress.getByName(host));
        socket.setReceiveBufferSize(4 * 1024 * 1024);
        Thread t = new Thread(() -> {
            DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            while (true) {
                try {
                    socket.receive(packet);
                } catch (IOException e) {
                    return;
                }
            }
        }, "agent-rtp-drain");
        t.setDaemon(true);
        t.start();
    }

    private void register(String channel) throws Exception {
        SipURI aor = addresses.createSipURI(channel, domain);
        Request r = messages.createRequest(addresses.createSipURI(null, domain), Request.REGISTER,
                provider.getNewCallId(), headers.createCSeqHeader(1L, Request.REGISTER),
                headers.createFromHeader(addresses.createAddress(aor), Long.toHexString(System.nanoTime())),
                headers.createToHeader(addresses.createAddress(aor), null),
                List.of(headers.createViaHeader(host, port, ListeningPoint.UDP, null)),
                headers.createMaxForwardsHeader(70));
        r.addHeader(contact(channel));
        r.addHeader(headers.createExpiresHeader(3600));
        provider.getNewClientTransaction(r).sendRequest();
    }

    private ContactHeader contact(String channel) throws Exception {
        SipURI uri = addresses.createSipURI(channel, host);
        uri.setPort(port);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
        if (!Request.REGISTER.equals(method)) {
            return;
        }
        try {
            int status = response.getStatusCode();
            if (status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) {
                auth.handleChallenge(response, event.getClientTransaction(), provider, 5).sendRequest();
            } else if (status == Response.OK) {
                registered.countDown();
            } else if (status >= 300) {
                System.err.println("AgentFarm: REGISTER answered " + status + " " + response.getReasonPhrase());
            }
        } catch (Exception e) {
            System.err.println("AgentFarm: REGISTER failed: " + e);
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        try {
            if (Request.ACK.equals(method)) {
                Dialog dialog = event.getDialog();
                String agent = agentOf(request);
                hangUps.schedule(() -> hangUp(dialog, agent), talkMillis, TimeUnit.MILLISECONDS);
                return;
            }
            ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(request);
            switch (method) {
                case Request.INVITE -> ring(request, tx);
                case Request.BYE -> {
                    // the caller hung up first: the agent is free from now
                    tx.sendResponse(messages.createResponse(Response.OK, request));
                    freeSince(agentOf(request)).set(System.nanoTime());
                }
                default -> tx.sendResponse(messages.createResponse(Response.OK, request));
            }
        } catch (Exception e) {
            System.err.println("AgentFarm: " + method + " failed: " + e);
        }
    }

    /** The agent's phone rings: the dispatch latency is measured, and the agent answers at once. */
    private void ring(Request invite, ServerTransaction tx) throws Exception {
        long now = System.nanoTime();
        String agent = agentOf(invite);
        long free = freeSince(agent).getAndSet(0);
        if (free != 0) {
            samples.println(System.currentTimeMillis() + "," + (now - free) / 1000 + "," + agent);
            dispatched.incrementAndGet();
        }
        Response ok = messages.createResponse(Response.OK, invite);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(Long.toHexString(now));
        ok.addHeader(contact(agent));
        ok.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
        tx.sendResponse(ok);
    }

    private void hangUp(Dialog dialog, String agent) {
        try {
            if (dialog == null || dialog.getState() != DialogState.CONFIRMED) {
                return; // the caller hung up first
            }
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction tx = provider.getNewClientTransaction(bye);
            freeSince(agent).set(System.nanoTime());
            dialog.sendRequest(tx);
        } catch (Exception e) {
            System.err.println("AgentFarm: BYE failed: " + e);
        }
    }

    /** The agent's channel: the user part of the Request-URI (its registered Contact), else of the To. */
    private static String agentOf(Request request) {
        if (request.getRequestURI() instanceof SipURI uri && uri.getUser() != null) {
            return uri.getUser();
        }
        return ((SipURI) ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI()).getUser();
    }

    private AtomicLong freeSince(String agent) {
        return freeSince.computeIfAbsent(agent, a -> new AtomicLong());
    }

    /** Channel achN has password pw-aN-secret (benchmarks/queue/queue-bench-tenant.yaml). */
    private record Passwords(String domain) implements AccountManager {
        @Override
        public UserCredentials getCredentials(ClientTransaction challenged, String realm) {
            String channel = ((SipURI) ((FromHeader) challenged.getRequest().getHeader(FromHeader.NAME))
                    .getAddress().getURI()).getUser();
            return new UserCredentials() {
                @Override
                public String getUserName() {
                    return channel;
                }

                @Override
                public String getPassword() {
                    return "pw-a" + channel.substring(3) + "-secret";
                }

                @Override
                public String getSipDomain() {
                    return domain;
                }
            };
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }
}
