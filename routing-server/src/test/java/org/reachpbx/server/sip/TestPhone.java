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

    private final String user;
    private final String domain;
    private final String password;
    private final int serverPort;
    private final int port;
    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
    private final String callId;
    private final AtomicLong cseq = new AtomicLong();
    private final AtomicInteger nc = new AtomicInteger();

    public TestPhone(String user, String domain, String password, int serverPort) throws Exception {
        this.user = user;
        this.domain = domain;
        this.password = password;
        this.serverPort = serverPort;
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "test-phone-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        stack = factory.createSipStack(p);
        addresses = factory.createAddressFactory();
        headers = factory.createHeaderFactory();
        messages = factory.createMessageFactory();
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", port, ListeningPoint.UDP);
        provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        stack.start();
        callId = provider.getNewCallId().getCallId();
    }

    public String contact() {
        return "sip:" + user + "@127.0.0.1:" + port;
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
        Request r = messages.createRequest(target, Request.REGISTER, headers.createCallIdHeader(callId),
                headers.createCSeqHeader(cseq.incrementAndGet(), Request.REGISTER),
                headers.createFromHeader(addresses.createAddress(aor), "t" + port),
                headers.createToHeader(addresses.createAddress(aor), null),
                List.of(headers.createViaHeader("127.0.0.1", port, ListeningPoint.UDP, null)),
                headers.createMaxForwardsHeader(70));
        ContactHeader contact = headers.createContactHeader(addresses.createAddress(contact()));
        r.addHeader(contact);
        r.addHeader(headers.createExpiresHeader(expires));
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
                List.of(headers.createViaHeader("127.0.0.1", port, ListeningPoint.UDP, null)),
                headers.createMaxForwardsHeader(70));
        SipURI route = addresses.createSipURI(null, "127.0.0.1");
        route.setPort(serverPort);
        route.setLrParam();
        r.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
        r.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
        r.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
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
        if (event.getResponse().getStatusCode() >= 200) {
            responses.add(event.getResponse());
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
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
