package org.reachpbx.server.sip;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A small SIP phone for tests, on its own JAIN-SIP stack on 127.0.0.1 (UDP): registers with digest
 * authentication (MD5 or SHA-256). One request at a time.
 */
public class TestPhone implements SipListener, AutoCloseable {

    private static final AtomicInteger STACKS = new AtomicInteger();

    private final String address;
    private final String user;
    private final String domain;
    private final String password;
    private final int serverPort;
    private final int port;
    /** UDP, or TLS for a phone made by {@link #overTls} (as in a Via header). */
    private final String transport;
    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
    private final String callId;
    /** The SDP this phone offers and answers with (an RTP test peer's); null: the fixed dummy SDP. */
    private volatile String mediaSdp;
    /** Calls go out without SDP (late offer): the answer goes in the ACK. */
    private volatile boolean lateOffer;
    private final AtomicLong cseq = new AtomicLong();
    private final AtomicInteger nc = new AtomicInteger();

    public TestPhone(String user, String domain, String password, int serverPort) throws Exception {
        this(user, domain, password, serverPort, "127.0.0.1", 0);
    }

    /** A phone (or a carrier's trunk) on this loopback address and port (0 = any free one). */
    public TestPhone(String user, String domain, String password, int serverPort, String address, int fixedPort)
            throws Exception {
        this(user, domain, password, serverPort, address, fixedPort, null, null);
    }

    /**
     * A phone that talks TLS to the server's TLS port, trusting the certificates in {@code keystore}
     * (it also presents that keystore's key when the server connects to it). Its REGISTER goes to a
     * {@code sips:} URI and its AOR is a {@code sips:} URI.
     */
    public static TestPhone overTls(String user, String domain, String password, int serverTlsPort,
                                    java.nio.file.Path keystore, String keystorePassword) throws Exception {
        return new TestPhone(user, domain, password, serverTlsPort, "127.0.0.1", 0, keystore, keystorePassword);
    }

    private TestPhone(String user, String domain, String password, int serverPort, String address, int fixedPort,
                      java.nio.file.Path keystore, String keystorePassword) throws Exception {
        this.transport = keystore == null ? ListeningPoint.UDP : ListeningPoint.TLS;
        this.address = address;
        this.user = user;
        this.domain = domain;
        this.password = password;
        this.serverPort = serverPort;
        if (fixedPort != 0) {
            this.port = fixedPort;
        } else if (keystore != null) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
                this.port = s.getLocalPort();
            }
        } else {
            try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getByName(address))) {
                this.port = s.getLocalPort();
            }
        }
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "test-phone-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        if (keystore != null) {
            p.setProperty("javax.net.ssl.keyStore", keystore.toAbsolutePath().toString());
            p.setProperty("javax.net.ssl.keyStorePassword", keystorePassword);
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            p.setProperty("javax.net.ssl.trustStore", keystore.toAbsolutePath().toString());
            p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
        }
        stack = factory.createSipStack(p);
        addresses = factory.createAddressFactory();
        headers = factory.createHeaderFactory();
        messages = factory.createMessageFactory();
        ListeningPoint lp = stack.createListeningPoint(address, port, keystore == null ? ListeningPoint.UDP : ListeningPoint.TLS);
        provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        stack.start();
        callId = provider.getNewCallId().getCallId();
    }

    public String contact() {
        if (natContact != null) {
            return "sip:" + user + "@" + natContact;
        }
        return "sip:" + user + "@" + address + ":" + port + (ListeningPoint.TLS.equals(transport) ? ";transport=tls" : "");
    }

    /** The private address a phone behind NAT puts in its Contact (host:port), instead of the one it listens on. */
    private volatile String natContact;

    /**
     * Behind NAT: the Contact of every request and answer names {@code hostPort} (e.g. a private
     * 10.x address nothing on this machine answers), so that the phone is reached only over the
     * address its packets come from (a proxy's Path/received, RFC 3327).
     */
    public TestPhone behindNat(String hostPort) {
        this.natContact = hostPort;
        return this;
    }

    public int port() {
        return port;
    }

    /** Contact parameters of the next REGISTER, e.g. {@code device=DESKTOP} for a softphone. */
    private volatile String contactParameter;

    public TestPhone registerAs(String deviceParameter) {
        this.contactParameter = deviceParameter;
        return this;
    }

    /** REGISTER with this Expires, answering a 401 challenge with the given algorithm; the final response. */
    public Response register(int expires, String algorithm) throws Exception {
        Response first = send(registerRequest(expires, null));
        if (first == null || first.getStatusCode() != Response.UNAUTHORIZED) {
            return first;
        }
        return send(registerRequest(expires, answer(first, algorithm)));
    }

    /** Answers a 401 with an Authorization header for the given algorithm. */
    public AuthorizationHeader answer(Response challenge, String algorithm) throws Exception {
        return answer(challenge, algorithm, Request.REGISTER, "sip:" + domain, false);
    }

    /** Answers a 401 or 407 challenge for a request with this method and request URI. */
    public AuthorizationHeader answer(Response challenge, String algorithm, String method, String uri, boolean proxy)
            throws Exception {
        WWWAuthenticateHeader www = challengeFor(challenge, algorithm);
        String realm = www.getRealm();
        String nonce = www.getNonce();
        String cnonce = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String count = String.format("%08x", nc.incrementAndGet());
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2);
        AuthorizationHeader auth = proxy ? headers.createProxyAuthorizationHeader("Digest")
                : headers.createAuthorizationHeader("Digest");
        auth.setUsername(user);
        auth.setRealm(realm);
        auth.setNonce(nonce);
        auth.setURI(addresses.createURI(uri));
        auth.setAlgorithm(algorithm);
        auth.setQop("auth");
        auth.setNonceCount(nc.get());
        auth.setCNonce(cnonce);
        auth.setResponse(response);
        return auth;
    }

    public static WWWAuthenticateHeader challengeFor(Response challenge, String algorithm) {
        ListIterator<?> it = challenge.getHeaders(challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED
                ? javax.sip.header.ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        while (it.hasNext()) {
            WWWAuthenticateHeader h = (WWWAuthenticateHeader) it.next();
            if (algorithm.equalsIgnoreCase(h.getAlgorithm())) {
                return h;
            }
        }
        throw new AssertionError("no " + algorithm + " challenge in " + challenge);
    }

    public Request registerRequest(int expires, AuthorizationHeader auth) throws Exception {
        SipURI aor = addresses.createSipURI(user, domain);
        SipURI target = addresses.createSipURI(null, "127.0.0.1");
        target.setPort(serverPort);
        if (ListeningPoint.TLS.equals(transport)) {
            aor.setSecure(true);
            target.setSecure(true);
        }
        Request r = messages.createRequest(target, Request.REGISTER, headers.createCallIdHeader(callId),
                headers.createCSeqHeader(cseq.incrementAndGet(), Request.REGISTER),
                headers.createFromHeader(addresses.createAddress(aor), "t" + port),
                headers.createToHeader(addresses.createAddress(aor), null),
                List.of(headers.createViaHeader(address, port, transport, null)),
                headers.createMaxForwardsHeader(70));
        ContactHeader contact = headers.createContactHeader(addresses.createAddress(contact()));
        if (contactParameter != null) {
            contact.setParameter("device", contactParameter);
        }
        r.addHeader(contact);
        r.addHeader(headers.createExpiresHeader(expires));
        r.addHeader(headers.createUserAgentHeader(List.of("ReachPBX-TestPhone/1.0")));
        if (auth != null) {
            r.addHeader(auth);
        }
        return r;
    }

    /**
     * Places a call to {@code dialled} (a user part at the tenant's domain) with an SDP offer,
     * answering a 407 challenge with the given algorithm (null = do not answer); the final response.
     */
    public Response invite(String dialled, String algorithm) throws Exception {
        String inviteCallId = provider.getNewCallId().getCallId();
        Response first = send(inviteRequest(dialled, inviteCallId, null));
        if (algorithm == null || first == null || first.getStatusCode() != Response.PROXY_AUTHENTICATION_REQUIRED) {
            return first;
        }
        String uri = "sip:" + dialled + "@" + domain;
        return send(inviteRequest(dialled, inviteCallId, answer(first, algorithm, Request.INVITE, uri, true)));
    }

    private Request inviteRequest(String dialled, String inviteCallId, AuthorizationHeader auth) throws Exception {
        SipURI target = addresses.createSipURI(dialled, domain);
        SipURI self = addresses.createSipURI(user, domain);
        Request r = messages.createRequest(target, Request.INVITE, headers.createCallIdHeader(inviteCallId),
                headers.createCSeqHeader(cseq.incrementAndGet(), Request.INVITE),
                headers.createFromHeader(addresses.createAddress(self), "i" + cseq.get()),
                headers.createToHeader(addresses.createAddress(target), null),
                List.of(headers.createViaHeader(address, port, transport, null)),
                headers.createMaxForwardsHeader(70));
        SipURI route = addresses.createSipURI(null, "127.0.0.1");
        route.setPort(serverPort);
        route.setLrParam();
        if (ListeningPoint.TLS.equals(transport)) {
            route.setTransportParam("tls");
        }
        r.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
        r.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
        if (!lateOffer) {
            r.setContent(mediaSdp != null ? mediaSdp : sdp(40000), headers.createContentTypeHeader("application", "sdp"));
        }
        if (auth != null) {
            r.addHeader(auth);
        }
        return r;
    }

    /** Sends a request in a new client transaction; its final response, or null after 5 s. */
    public Response send(Request request) throws Exception {
        responses.clear();
        provider.getNewClientTransaction(request).sendRequest();
        return responses.poll(5, TimeUnit.SECONDS);
    }

    static String hash(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public HeaderFactory headers() {
        return headers;
    }

    @Override
    public void close() {
        stack.stop();
    }

    @Override
    public void processResponse(ResponseEvent event) {
        javax.sip.ClientTransaction tx = event.getClientTransaction();
        if (tx != null && tx.getApplicationData() instanceof Call call) {
            call.responses.add(event.getResponse());
            return;
        }
        if (tx != null && tx.getApplicationData() instanceof Incoming in) {
            in.responses.add(event.getResponse());
            return;
        }
        if (tx == null) {
            return; // a retransmitted 2xx; the dialog layer has it
        }
        if (event.getResponse().getStatusCode() >= 200) {
            responses.add(event.getResponse());
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> incomingInvite(event);
                case Request.ACK -> acks.add(request);
                case Request.CANCEL -> {
                    reply(event, Response.OK, null);
                    cancels.add(request);
                    Incoming call = incomingByCallId.get(callIdOf(request));
                    if (call != null && call.tx.getState() != javax.sip.TransactionState.TERMINATED) {
                        call.tx.sendResponse(messages.createResponse(Response.REQUEST_TERMINATED, call.request));
                    }
                }
                case Request.BYE -> {
                    reply(event, Response.OK, null);
                    byes.add(request);
                }
                case Request.NOTIFY -> {
                    // Recorded first: a NOTIFY may overtake the 202 of its REFER (RFC 3515 allows it),
                    // and the stack may then refuse our own transaction for the answer.
                    notifies.add(request);
                    java.util.concurrent.CountDownLatch hold = holdReferNotifyAnswers;
                    if (hold != null && request.getHeader("Event") != null
                            && request.getHeader("Event").toString().contains("refer")) {
                        answerWhenOpen(event, hold);
                    } else {
                        reply(event, Response.OK, null);
                    }
                }
                default -> reply(event, Response.OK, null);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    // ---- calls ----

    /** How this phone answers an incoming call. */
    public enum Answering { RING, ANSWER, BUSY, DECLINE, SILENT, UNAVAILABLE, EARLY_MEDIA }

    private volatile Answering answering = Answering.RING;
    private volatile long answerAfterMillis;
    public final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>();
    public final BlockingQueue<Request> acks = new LinkedBlockingQueue<>();
    public final BlockingQueue<Request> byes = new LinkedBlockingQueue<>();
    public final BlockingQueue<Request> cancels = new LinkedBlockingQueue<>();
    public final BlockingQueue<Request> reinvites = new LinkedBlockingQueue<>();
    /** NOTIFYs received (answered 200): message waiting, a REFER's progress and those of subscriptions. */
    public final BlockingQueue<Request> notifies = new LinkedBlockingQueue<>();
    private final java.util.Map<String, Incoming> incomingByCallId = new java.util.concurrent.ConcurrentHashMap<>();

    /** From now on: ring and do nothing more (RING), ring then answer, answer busy, decline, or stay silent. */
    public TestPhone answering(Answering mode) {
        return answering(mode, 0);
    }

    public TestPhone answering(Answering mode, long afterMillis) {
        this.answering = mode;
        this.answerAfterMillis = afterMillis;
        return this;
    }

    /** A call that came in to this phone. */
    public final class Incoming {
        public final javax.sip.ServerTransaction tx;
        public final Request request;

        Incoming(javax.sip.ServerTransaction tx, Request request) {
            this.tx = tx;
            this.request = request;
        }

        public String header(String name) {
            javax.sip.header.Header h = request.getHeader(name);
            return h == null ? null : h.toString().trim();
        }

        public void answer() throws Exception {
            Response ok = messages.createResponse(Response.OK, request);
            ((javax.sip.header.ToHeader) ok.getHeader(javax.sip.header.ToHeader.NAME)).setTag("p" + port);
            ok.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
            ok.setContent(mediaSdp != null ? mediaSdp : sdp(50000 + port % 1000),
                    headers.createContentTypeHeader("application", "sdp"));
            tx.sendResponse(ok);
        }

        public void hangUp() throws Exception {
            javax.sip.Dialog dialog = tx.getDialog();
            Request bye = dialog.createRequest(Request.BYE);
            dialog.sendRequest(provider.getNewClientTransaction(bye));
        }

        /** Responses to requests this side sent in the call's dialog (a re-INVITE). */
        public final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();

        /** A REFER in this call's dialog (an AI service handing the caller on); answers come to {@link #responses}. */
        public void refer(String target) throws Exception {
            referIn(tx.getDialog(), target, this);
        }

        /** A re-INVITE from the called side (it puts the caller on hold, say). */
        public void reinvite(String sdp) throws Exception {
            reinviteIn(tx.getDialog(), sdp, this);
        }

        /** This call's dialog as a Replaces value for another call's REFER (RFC 3891, %-escaped for a URI). */
        public String replaces() {
            return replacesOf(tx.getDialog());
        }

        public void ack(Response ok) throws Exception {
            ackIn(tx.getDialog(), ok);
        }
    }

    /** A REFER naming {@code target} (a SIP URI, perhaps with {@code ?Replaces=}) in this dialog. */
    private void referIn(javax.sip.Dialog dialog, String target, Object owner) throws Exception {
        Request refer = dialog.createRequest(Request.REFER);
        refer.addHeader(headers.createReferToHeader(addresses.createAddress(target)));
        javax.sip.ClientTransaction ct = provider.getNewClientTransaction(refer);
        ct.setApplicationData(owner);
        dialog.sendRequest(ct);
    }

    /** RFC 3891 as the transferor writes it: the dialog's Call-ID, to-tag the remote's, from-tag our own. */
    private static String replacesOf(javax.sip.Dialog dialog) {
        String value = dialog.getCallId().getCallId() + ";to-tag=" + dialog.getRemoteTag() + ";from-tag="
                + dialog.getLocalTag();
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A re-INVITE with a new SDP in this dialog; its responses go to {@code owner}'s queue. */
    private void reinviteIn(javax.sip.Dialog dialog, String sdp, Object owner) throws Exception {
        Request re = dialog.createRequest(Request.INVITE);
        re.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
        re.setHeader(headers.createContactHeader(addresses.createAddress(contact())));
        javax.sip.ClientTransaction ct = provider.getNewClientTransaction(re);
        ct.setApplicationData(owner);
        dialog.sendRequest(ct);
    }

    private static void ackIn(javax.sip.Dialog dialog, Response ok) throws Exception {
        long cseq = ((javax.sip.header.CSeqHeader) ok.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
        dialog.sendAck(dialog.createAck(cseq));
    }

    private void incomingInvite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME);
        javax.sip.ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                : provider.getNewServerTransaction(request);
        if (to.getTag() != null) {
            reinvites.add(request);
            Response ok = messages.createResponse(Response.OK, request);
            ok.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
            ok.setContent(mediaSdp != null ? mediaSdp : sdp(60000 + port % 1000),
                    headers.createContentTypeHeader("application", "sdp"));
            tx.sendResponse(ok);
            return;
        }
        Incoming call = new Incoming(tx, request);
        incomingByCallId.put(callIdOf(request), call);
        incoming.add(call);
        switch (answering) {
            case SILENT -> { }
            case BUSY -> tx.sendResponse(messages.createResponse(Response.BUSY_HERE, request));
            case DECLINE -> tx.sendResponse(messages.createResponse(Response.DECLINE, request));
            case UNAVAILABLE -> tx.sendResponse(messages.createResponse(Response.TEMPORARILY_UNAVAILABLE, request));
            case EARLY_MEDIA -> {
                Response progress = messages.createResponse(Response.SESSION_PROGRESS, request);
                ((javax.sip.header.ToHeader) progress.getHeader(javax.sip.header.ToHeader.NAME)).setTag("p" + port);
                progress.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
                progress.setContent(sdp(30000 + port % 1000), headers.createContentTypeHeader("application", "sdp"));
                tx.sendResponse(progress);
            }
            case RING, ANSWER -> {
                Response ringing = messages.createResponse(Response.RINGING, request);
                ((javax.sip.header.ToHeader) ringing.getHeader(javax.sip.header.ToHeader.NAME)).setTag("p" + port);
                ringing.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
                tx.sendResponse(ringing);
                if (answering == Answering.ANSWER) {
                    long delay = answerAfterMillis;
                    Thread answerer = new Thread(() -> {
                        try {
                            Thread.sleep(delay);
                            call.answer();
                        } catch (Exception e) {
                            // the call was cancelled meanwhile
                        }
                    });
                    answerer.setDaemon(true);
                    answerer.start();
                }
            }
        }
    }

    /** Waits for the next incoming call, or fails after {@code seconds}. */
    public Incoming awaitCall(int seconds) throws InterruptedException {
        Incoming call = incoming.poll(seconds, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError(user + " was not called within " + seconds + " s");
        }
        return call;
    }

    /** The next incoming call within a second, or null. */
    public Incoming awaitCallOrNull() throws InterruptedException {
        return incoming.poll(1, TimeUnit.SECONDS);
    }

    /** A call this phone placed. */
    public final class Call {
        public final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
        javax.sip.ClientTransaction tx;
        Response ok;

        /** The next final response (after any provisional ones), or null after {@code seconds}. */
        public Response awaitFinal(int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                Response r = responses.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (r == null || r.getStatusCode() >= 200) {
                    if (r != null && r.getStatusCode() < 300) {
                        ok = r;
                    }
                    return r;
                }
            }
        }

        /** The next response with this status, skipping others; null after {@code seconds}. */
        public Response await(int status, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                Response r = responses.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (r == null || r.getStatusCode() == status) {
                    if (r != null && status >= 200 && status < 300) {
                        ok = r;
                    }
                    return r;
                }
                // Shown in the test's output: when the awaited status never comes, this says what did.
                System.out.println(user + ": waiting for " + status + ", skipped " + r.getStatusCode() + " "
                        + r.getReasonPhrase() + " (" + r.getHeader("CSeq").toString().trim() + ")");
            }
        }

        public void ack() throws Exception {
            ackIn(tx.getDialog(), ok);
        }

        /** ACK carrying an SDP answer (late offer). */
        public void ack(String sdp) throws Exception {
            javax.sip.Dialog dialog = tx.getDialog();
            long cseq = ((javax.sip.header.CSeqHeader) ok.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
            Request ack = dialog.createAck(cseq);
            ack.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
            dialog.sendAck(ack);
        }

        /** The SDP of the answer (200) to this call. */
        public String answerSdp() {
            return ok == null || ok.getRawContent() == null ? null
                    : new String(ok.getRawContent(), StandardCharsets.UTF_8);
        }

        /** A SIP INFO in the call, e.g. a digit as application/dtmf-relay. */
        public void info(String subtype, String body) throws Exception {
            javax.sip.Dialog dialog = tx.getDialog();
            Request info = dialog.createRequest(Request.INFO);
            info.setContent(body, headers.createContentTypeHeader("application", subtype));
            javax.sip.ClientTransaction ct = provider.getNewClientTransaction(info);
            ct.setApplicationData(this);
            dialog.sendRequest(ct);
        }

        public void hangUp() throws Exception {
            javax.sip.Dialog dialog = tx.getDialog();
            Request bye = dialog.createRequest(Request.BYE);
            javax.sip.ClientTransaction ct = provider.getNewClientTransaction(bye);
            ct.setApplicationData(this);
            dialog.sendRequest(ct);
        }

        public void cancel() throws Exception {
            provider.getNewClientTransaction(tx.createCancel()).sendRequest();
        }

        /** A re-INVITE with a new SDP (hold: a=sendonly). */
        public void reinvite(String sdp) throws Exception {
            reinviteIn(tx.getDialog(), sdp, this);
        }

        /** A REFER in this call's dialog (the caller's transfer key); answers come to {@link #responses}. */
        public void refer(String target) throws Exception {
            referIn(tx.getDialog(), target, this);
        }

        /** This call's dialog as a Replaces value for another call's REFER (RFC 3891, %-escaped for a URI). */
        public String replaces() {
            return replacesOf(tx.getDialog());
        }

        public void ackReinvite(Response ok) throws Exception {
            ackIn(tx.getDialog(), ok);
        }
    }

    /** A SUBSCRIBE this phone made (RFC 6665); its NOTIFYs are those in {@link #notifies} with its Call-ID. */
    public final class Subscription {
        public final String callId;
        public final Response response;
        final javax.sip.Dialog dialog;

        Subscription(String callId, Response response, javax.sip.Dialog dialog) {
            this.callId = callId;
            this.response = response;
            this.dialog = dialog;
        }

        /** The next NOTIFY of this subscription, or null after {@code seconds}. */
        public Request awaitNotify(int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                Request n = notifies.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (n == null || callIdOf(n).equals(callId)) {
                    return n;
                }
            }
        }

        /** Refreshes (or with 0 ends) the subscription in its dialog; the final response. */
        public Response refresh(int expires) throws Exception {
            Request r = dialog.createRequest(Request.SUBSCRIBE);
            r.setHeader(headers.createExpiresHeader(expires));
            responses.clear();
            javax.sip.ClientTransaction ct = provider.getNewClientTransaction(r);
            dialog.sendRequest(ct);
            return responses.poll(5, TimeUnit.SECONDS);
        }
    }

    /**
     * SUBSCRIBE to {@code event} of {@code target} (a user part at the tenant's domain) for
     * {@code expires} seconds, answering the 407 challenge with SHA-256 (unless {@code authenticate}
     * is false); the subscription with the final response.
     */
    public Subscription subscribe(String target, String event, int expires, boolean authenticate) throws Exception {
        String subscribeCallId = provider.getNewCallId().getCallId();
        String tag = "s" + cseq.incrementAndGet();
        Request first = subscribeRequest(target, event, expires, subscribeCallId, tag, null);
        javax.sip.ClientTransaction tx = provider.getNewClientTransaction(first);
        responses.clear();
        tx.sendRequest();
        Response r = responses.poll(5, TimeUnit.SECONDS);
        if (authenticate && r != null && r.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED) {
            Request second = subscribeRequest(target, event, expires, subscribeCallId, tag,
                    answer(r, "SHA-256", Request.SUBSCRIBE, "sip:" + target + "@" + domain, true));
            tx = provider.getNewClientTransaction(second);
            tx.sendRequest();
            r = responses.poll(5, TimeUnit.SECONDS);
        }
        return new Subscription(subscribeCallId, r, tx.getDialog());
    }

    private Request subscribeRequest(String target, String event, int expires, String subscribeCallId, String tag,
                                     AuthorizationHeader auth) throws Exception {
        SipURI uri = addresses.createSipURI(target, domain);
        SipURI self = addresses.createSipURI(user, domain);
        Request r = messages.createRequest(uri, Request.SUBSCRIBE, headers.createCallIdHeader(subscribeCallId),
                headers.createCSeqHeader(cseq.incrementAndGet(), Request.SUBSCRIBE),
                headers.createFromHeader(addresses.createAddress(self), tag),
                headers.createToHeader(addresses.createAddress(uri), null),
                List.of(headers.createViaHeader(address, port, transport, null)),
                headers.createMaxForwardsHeader(70));
        SipURI route = addresses.createSipURI(null, "127.0.0.1");
        route.setPort(serverPort);
        route.setLrParam();
        r.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
        r.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
        r.addHeader(headers.createEventHeader(event));
        r.addHeader(headers.createExpiresHeader(expires));
        if (auth != null) {
            r.addHeader(auth);
        }
        return r;
    }

    /** Offer and answer with this SDP from now on (an RTP test peer's); null: the fixed dummy SDP. */
    public TestPhone withMedia(String sdp) {
        this.mediaSdp = sdp;
        return this;
    }

    /** Place calls without SDP (late offer); the answer to the server's offer goes in the ACK. */
    public TestPhone lateOffer(boolean on) {
        this.lateOffer = on;
        return this;
    }

    /** Calls {@code dialled}, answering the 407 challenge with SHA-256; the call to follow. */
    public Call call(String dialled) throws Exception {
        return call(dialled, "SHA-256");
    }

    /** Calls {@code dialled}, answering the 407 challenge with {@code algorithm} (MD5 or SHA-256). */
    public Call call(String dialled, String algorithm) throws Exception {
        String inviteCallId = provider.getNewCallId().getCallId();
        Response first = send(inviteRequest(dialled, inviteCallId, null));
        if (first == null || first.getStatusCode() != Response.PROXY_AUTHENTICATION_REQUIRED) {
            throw new AssertionError("expected a 407 challenge, got " + first);
        }
        String uri = "sip:" + dialled + "@" + domain;
        return place(inviteRequest(dialled, inviteCallId, answer(first, algorithm, Request.INVITE, uri, true)));
    }

    /**
     * Calls {@code dialled} with an extra header in both INVITEs (e.g. {@code Replaces} for a pickup by
     * the BLF key, RFC 3891), answering the 407 challenge with SHA-256; the call to follow.
     */
    public Call call(String dialled, String headerName, String headerValue) throws Exception {
        String inviteCallId = provider.getNewCallId().getCallId();
        Request unauthenticated = inviteRequest(dialled, inviteCallId, null);
        unauthenticated.addHeader(headers.createHeader(headerName, headerValue));
        Response first = send(unauthenticated);
        if (first == null || first.getStatusCode() != Response.PROXY_AUTHENTICATION_REQUIRED) {
            throw new AssertionError("expected a 407 challenge, got " + first);
        }
        String uri = "sip:" + dialled + "@" + domain;
        Request invite = inviteRequest(dialled, inviteCallId, answer(first, "SHA-256", Request.INVITE, uri, true));
        invite.addHeader(headers.createHeader(headerName, headerValue));
        return place(invite);
    }

    /** Calls from a trunk: no authentication; From is the caller's number (null = anonymous). */
    public Call callAsTrunk(String callerNumber, String calledNumber) throws Exception {
        return callAsTrunk(callerNumber, calledNumber, 70);
    }

    public Call callAsTrunk(String callerNumber, String calledNumber, int maxForwards) throws Exception {
        SipURI target = addresses.createSipURI(calledNumber, "127.0.0.1");
        target.setPort(serverPort);
        SipURI from = callerNumber == null ? addresses.createSipURI("anonymous", "anonymous.invalid")
                : addresses.createSipURI(callerNumber, address);
        Request r = messages.createRequest(target, Request.INVITE, provider.getNewCallId(),
                headers.createCSeqHeader(cseq.incrementAndGet(), Request.INVITE),
                headers.createFromHeader(addresses.createAddress(from), "t" + cseq.get()),
                headers.createToHeader(addresses.createAddress(target), null),
                List.of(headers.createViaHeader(address, port, transport, null)),
                headers.createMaxForwardsHeader(maxForwards));
        r.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
        r.setContent(mediaSdp != null ? mediaSdp : sdp(41000), headers.createContentTypeHeader("application", "sdp"));
        return place(r);
    }

    private Call place(Request invite) throws Exception {
        Call call = new Call();
        javax.sip.ClientTransaction tx = provider.getNewClientTransaction(invite);
        tx.setApplicationData(call);
        call.tx = tx;
        tx.sendRequest();
        return call;
    }

    public static String sdp(int rtpPort) {
        return "v=0\r\no=- " + rtpPort + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtpPort + " RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
    }

    /**
     * While set, this phone is slow to answer the NOTIFYs of its REFERs: each is answered 200 only
     * once the latch opens (its transaction is taken at once, so retransmissions are absorbed).
     */
    public volatile java.util.concurrent.CountDownLatch holdReferNotifyAnswers;

    private void answerWhenOpen(RequestEvent event, java.util.concurrent.CountDownLatch hold) throws Exception {
        javax.sip.ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                : provider.getNewServerTransaction(event.getRequest());
        Thread answer = new Thread(() -> {
            try {
                if (hold.await(30, TimeUnit.SECONDS)) {
                    tx.sendResponse(messages.createResponse(Response.OK, event.getRequest()));
                }
            } catch (Exception e) {
                // the test ended first: the server's transaction times out
            }
        }, "test-phone-slow-notify-answer");
        answer.setDaemon(true);
        answer.start();
    }

    private void reply(RequestEvent event, int status, String reason) throws Exception {
        javax.sip.ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                : provider.getNewServerTransaction(event.getRequest());
        tx.sendResponse(messages.createResponse(status, event.getRequest()));
    }

    private static String callIdOf(Request r) {
        return ((javax.sip.header.CallIdHeader) r.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
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
