package org.reachpbx.server.sip.registrar;

import org.reachpbx.server.sip.stack.SipProperties;
import org.reachpbx.server.sip.stack.SipServer;

import gov.nist.javax.sip.message.SIPRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.sip.registrar.DigestAuth.Algorithm;
import org.reachpbx.server.sip.registrar.DigestAuth.Result;
import org.reachpbx.server.sip.registrar.RegistrationStore.Binding;
import org.reachpbx.server.sip.registrar.SipCredentials.Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar (RFC 3261 §10) with digest authentication (§22, RFC 7616): the realm is the
 * tenant's SIP domain (the To domain), the user name is the channel name, and the response is
 * checked against the channel's stored HA1. Unknown channels, unknown domains and wrong passwords
 * all get the challenge first and 403 after it. With IP listing on, a channel with a linked user
 * registers only from an allowlisted address (IPL-05).
 */
public class Registrar {

    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    /** Compared against when the channel is unknown, so both paths do the same work. */
    private static final String DUMMY_MD5 = "0".repeat(32);
    private static final String DUMMY_SHA256 = "0".repeat(64);

    private final SipProperties properties;
    private final SipCredentials credentials;
    private final TenantViewCache views;
    private final RegistrationStore store;
    private final DigestAuth digest;
    private final Clock clock;
    private volatile SipServer server;
    /** Digest responses that did not match (wrong password or unknown channel), since start. */
    private final java.util.concurrent.atomic.AtomicLong authenticationFailures = new java.util.concurrent.atomic.AtomicLong();
    private volatile java.util.function.Consumer<String> failureListener = source -> { };

    public Registrar(SipProperties properties, SipCredentials credentials, TenantViewCache views,
                     RegistrationStore store, DigestAuth digest, Clock clock) {
        this.properties = properties;
        this.credentials = credentials;
        this.views = views;
        this.store = store;
        this.digest = digest;
        this.clock = clock;
    }

    /** Digest responses that did not match since start: a rising count is someone guessing passwords. */
    public long authenticationFailures() {
        return authenticationFailures.get();
    }

    /** Told the source address of every digest response that did not match (the SIP edge bans on it). */
    public void onAuthenticationFailure(java.util.function.Consumer<String> listener) {
        this.failureListener = listener;
    }

    public void attach(SipServer sipServer) {
        this.server = sipServer;
    }

    public void process(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (to == null || !(to.getAddress().getURI() instanceof SipURI toUri) || toUri.getUser() == null) {
            server.reply(event, Response.BAD_REQUEST, "To must be a sip: URI naming the channel");
            return;
        }
        String realm = toUri.getHost().toLowerCase(Locale.ROOT);
        Credential channel = authenticate(event, realm, toUri.getUser(), false);
        if (channel == null) {
            return;
        }
        String source = sourceOf(request);
        TenantView view = views.byId(channel.tenantId()).orElse(null);
        ChannelView channelView = view == null ? null : view.channel(channel.channel());
        if (view != null && view.ipListing() && channelView != null && channelView.coupledUser() != null
                && !view.allowlisted(source)) {
            log.info("REGISTER of {}@{} from {} refused: not on the IP allowlist (IPL-05)", channel.channel(), realm, source);
            server.reply(event, Response.FORBIDDEN, "Address not on the IP allowlist");
            return;
        }
        updateBindings(event, channel, source);
    }

    /**
     * Checks the request's (Proxy-)Authorization for this realm against the channel's stored HA1.
     * Answers the request (401/407 challenge, 400, 403) and returns null unless it is authentic.
     *
     * @param expectedUser the channel the request must be from (null = any channel of the realm)
     */
    public Credential authenticate(RequestEvent event, String realm, String expectedUser, boolean proxy) throws Exception {
        Request request = event.getRequest();
        AuthorizationHeader auth = authorizationFor(request, realm, proxy);
        if (auth == null) {
            challenge(event, realm, false, proxy);
            return null;
        }
        String username = param(auth, "username");
        String nonce = param(auth, "nonce");
        String uri = param(auth, "uri");
        String response = param(auth, "response");
        String qop = param(auth, "qop");
        String nc = param(auth, "nc");
        String cnonce = param(auth, "cnonce");
        Algorithm algorithm = Algorithm.of(param(auth, "algorithm"));
        if (username == null || nonce == null || uri == null || response == null
                || (qop != null && (!qop.equalsIgnoreCase("auth") || nc == null || cnonce == null))) {
            server.reply(event, Response.BAD_REQUEST, "Incomplete Authorization header");
            return null;
        }
        if (algorithm == null) {
            server.reply(event, Response.BAD_REQUEST, "Unsupported digest algorithm");
            return null;
        }
        String source = sourceOf(request);
        if (!digest.genuine(nonce, source)) {
            challenge(event, realm, false, proxy);
            return null;
        }
        if (!DigestUri.matches(uri, request.getRequestURI(), realm)
                && !DigestUri.namesServer(uri, java.util.List.of(server.host(), server.advertisedHost()), server.port())) {
            server.reply(event, Response.BAD_REQUEST, "Digest uri does not match the Request-URI");
            return null;
        }
        Optional<Credential> credential = credentials.find(realm, username);
        String ha1 = credential.map(c -> algorithm == Algorithm.MD5 ? c.ha1Md5() : c.ha1Sha256())
                .orElse(algorithm == Algorithm.MD5 ? DUMMY_MD5 : DUMMY_SHA256);
        if (ha1 == null) {
            ha1 = algorithm == Algorithm.MD5 ? DUMMY_MD5 : DUMMY_SHA256;
        }
        Result result = digest.check(algorithm, ha1, nonce, request.getMethod(), uri, qop, nc, cnonce, response,
                source, ((javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME)).getBranch());
        if (credential.isEmpty() || result == Result.WRONG || (expectedUser != null && !username.equals(expectedUser))) {
            long failures = authenticationFailures.incrementAndGet();
            log.info("{} of {}@{} from {} refused: unknown channel or wrong password ({} failures since start)",
                    request.getMethod(), username, realm, sourceOf(request), failures);
            failureListener.accept(sourceOf(request));
            server.reply(event, Response.FORBIDDEN, "Forbidden");
            return null;
        }
        if (result == Result.STALE || result == Result.REPLAY) {
            if (result == Result.REPLAY) {
                log.info("{} of {}@{} from {}: nonce count reused (a replay?); challenged again",
                        request.getMethod(), username, realm, sourceOf(request));
            }
            challenge(event, realm, true, proxy);
            return null;
        }
        if (credential.get().encryptionRequired() && !overTls(request)) {
            // ENC-02: refused only once authenticated, so the answer tells an outsider nothing.
            log.info("{} of {}@{} from {} refused: the channel requires encryption and this came over {}",
                    request.getMethod(), username, realm, source, transportOf(request));
            server.reply(event, Response.FORBIDDEN, "Encryption required: use TLS (sips) for this channel");
            return null;
        }
        return credential.get();
    }

    /** Where a phone registered over TLS with this Contact address connected from (see RegistrationStore#tlsFlow). */
    public java.util.Optional<java.net.InetSocketAddress> tlsFlow(String host, int port) {
        return store.tlsFlow(host, port);
    }

    /** Whether the request arrived over TLS: the transport it really came over, not what its Via claims. */
    public static boolean overTls(Request request) {
        return "TLS".equalsIgnoreCase(transportOf(request));
    }

    private static String transportOf(Request request) {
        if (request instanceof SIPRequest r && r.getMessageChannel() instanceof gov.nist.javax.sip.stack.MessageChannel c) {
            return c.getTransport();
        }
        return "unknown";
    }

    private void updateBindings(RequestEvent event, Credential channel, String source) throws Exception {
        Request request = event.getRequest();
        ExpiresHeader expiresHeader = request.getExpires();
        int defaultExpires = expiresHeader != null ? expiresHeader.getExpires() : properties.getDefaultExpires();
        String callId = ((javax.sip.header.CallIdHeader) request.getHeader("Call-ID")).getCallId();
        long cseq = ((javax.sip.header.CSeqHeader) request.getHeader("CSeq")).getSeqNumber();
        List<ContactHeader> contacts = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            contacts.add((ContactHeader) it.next());
        }
        for (ContactHeader c : contacts) {
            if (c.isWildCard() || "*".equals(c.toString().trim().replace("Contact:", "").trim())) {
                if (contacts.size() != 1 || defaultExpires != 0) {
                    server.reply(event, Response.BAD_REQUEST, "Contact * needs Expires: 0 and no other contact");
                    return;
                }
                store.unbindAll(channel.tenantId(), channel.channel());
                server.send(event, ok(event, channel));
                return;
            }
        }
        // RFC 3261 §10.3 step 7: a REGISTER older than the one that made a binding (same Call-ID,
        // CSeq not higher) arrived out of order and must not undo the newer one.
        for (Binding b : store.bindingsOf(channel.tenantId(), channel.channel())) {
            if (callId.equals(b.callId()) && cseq <= b.cseq()) {
                server.reply(event, Response.SERVER_INTERNAL_ERROR, "REGISTER out of order (CSeq " + cseq
                        + " after " + b.cseq() + ")");
                return;
            }
        }
        for (ContactHeader c : contacts) {
            int expires = c.getExpires() >= 0 ? c.getExpires() : defaultExpires;
            if (expires != 0 && expires < properties.getMinExpires()) {
                Response tooBrief = server.messages().createResponse(Response.INTERVAL_TOO_BRIEF, request);
                tooBrief.addHeader(server.headers().createMinExpiresHeader(properties.getMinExpires()));
                server.send(event, tooBrief);
                return;
            }
        }
        List<String> path = RegistrationPath.of(request);
        for (ContactHeader c : contacts) {
            int expires = c.getExpires() >= 0 ? c.getExpires() : defaultExpires;
            String contact = c.getAddress().getURI().toString();
            if (expires == 0) {
                store.unbind(channel.tenantId(), channel.channel(), contact);
            } else {
                store.bind(new Binding(channel.tenantId(), channel.channel(), contact, callId, cseq,
                        clock.instant().plusSeconds(Math.min(expires, properties.getMaxExpires())), source,
                        sourcePortOf(event.getRequest()), userAgentOf(event.getRequest()), c.getParameter("device"),
                        path));
            }
        }
        Response ok = ok(event, channel);
        RegistrationPath.echo(request, ok);
        server.send(event, ok);
    }

    private Response ok(RequestEvent event, Credential channel) throws Exception {
        Response ok = server.messages().createResponse(Response.OK, event.getRequest());
        long now = clock.millis();
        for (Binding b : store.bindingsOf(channel.tenantId(), channel.channel())) {
            ContactHeader h = server.headers().createContactHeader(
                    server.addresses().createAddress(server.addresses().createURI(b.contact())));
            h.setExpires((int) Math.max(1, (b.expires().toEpochMilli() - now + 999) / 1000));
            ok.addHeader(h);
        }
        ok.addHeader(server.headers().createDateHeader(java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("GMT"))));
        return ok;
    }

    private void challenge(RequestEvent event, String realm, boolean stale, boolean proxy) throws Exception {
        Response response = server.messages().createResponse(
                proxy ? Response.PROXY_AUTHENTICATION_REQUIRED : Response.UNAUTHORIZED, event.getRequest());
        String nonce = digest.newNonce(sourceOf(event.getRequest()));
        for (String token : algorithmsFor(event.getRequest())) {
            Algorithm a = Algorithm.of(token.trim());
            if (a == null) {
                continue;
            }
            WWWAuthenticateHeader h = proxy ? server.headers().createProxyAuthenticateHeader("Digest")
                    : server.headers().createWWWAuthenticateHeader("Digest");
            h.setRealm(realm);
            h.setNonce(nonce);
            h.setAlgorithm(a.token());
            h.setQop("auth");
            if (stale) {
                h.setStale(true);
            }
            response.addHeader(h);
        }
        server.send(event, response);
    }

    /** The challenges for this client: the configured ones, MD5 alone for clients that fail on others. */
    private List<String> algorithmsFor(Request request) {
        String agent = userAgentOf(request);
        if (agent != null) {
            String lower = agent.toLowerCase(Locale.ROOT);
            for (String quirk : properties.getMd5OnlyUserAgents()) {
                if (!quirk.isBlank() && lower.contains(quirk.toLowerCase(Locale.ROOT))) {
                    return List.of("MD5");
                }
            }
        }
        return properties.getDigestAlgorithms();
    }

    /**
     * The Digest Authorization header for this realm, if any. Other schemes are not ours: the
     * request is challenged as if they were not there (RFC 4475 §3.3.7).
     */
    private static AuthorizationHeader authorizationFor(Request request, String realm, boolean proxy) {
        ListIterator<?> it = request.getHeaders(proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME);
        AuthorizationHeader any = null;
        while (it.hasNext()) {
            AuthorizationHeader h = (AuthorizationHeader) it.next();
            if (h.getScheme() == null || !h.getScheme().equalsIgnoreCase("Digest")) {
                continue;
            }
            if (realm.equalsIgnoreCase(h.getRealm())) {
                return h;
            }
            any = any == null ? h : any;
        }
        return any != null && any.getRealm() == null ? any : null;
    }

    private static String param(AuthorizationHeader h, String name) {
        String v = h.getParameter(name);
        return v == null || v.isEmpty() ? null : v;
    }

    static int sourcePortOf(Request request) {
        return request instanceof SIPRequest r ? r.getRemotePort() : 0;
    }

    static String userAgentOf(Request request) {
        javax.sip.header.UserAgentHeader ua = (javax.sip.header.UserAgentHeader) request.getHeader(javax.sip.header.UserAgentHeader.NAME);
        if (ua == null) {
            return null;
        }
        StringBuilder product = new StringBuilder();
        for (java.util.Iterator<?> it = ua.getProduct(); it.hasNext(); ) {
            product.append(product.length() == 0 ? "" : " ").append(it.next());
        }
        return product.toString();
    }

    public static String sourceOf(Request request) {
        if (request instanceof SIPRequest r && r.getRemoteAddress() != null) {
            return r.getRemoteAddress().getHostAddress();
        }
        return null;
    }
}
