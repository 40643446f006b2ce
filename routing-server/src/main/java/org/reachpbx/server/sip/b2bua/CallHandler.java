package org.reachpbx.server.sip.b2bua;

import org.reachpbx.server.sip.devices.UserDevices;
import org.reachpbx.server.sip.registrar.Registrar;
import org.reachpbx.server.sip.stack.SipServer;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.engine.RoutingEngine;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.sip.registrar.SipCredentials.Credential;
import org.reachpbx.server.sip.stack.SipProperties.Trunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new INVITE becomes a call attempt for the routing engine, and the decision is handed to the
 * B2BUA to carry out; one from a phone with {@code Replaces} is a pickup ({@link PickUpByReplaces}).
 * <ul>
 *   <li>From a configured trunk (by source address): no digest; the tenant is the one owning the
 *       called number, the caller is the From (or P-Asserted-Identity) user, withheld with
 *       {@code Privacy: id} or an anonymous From.</li>
 *   <li>From a phone: digest with 407 (realm = the From domain, user = the channel); the caller is
 *       the user linked to or logged in on the channel.</li>
 * </ul>
 * The live state the rules need (who is busy, which devices cannot ring, calls per call-limit
 * extension, the caller's external calls) is read from the server's counters and registrations.
 */
public class CallHandler {

    private static final Logger log = LoggerFactory.getLogger(CallHandler.class);

    private final Registrar registrar;
    private final TenantViewCache views;
    private final RoutingEngine engine;
    private final Clock clock;
    private final Trunks trunks;
    private final UserDevices devices;
    private final LiveCalls live;
    private final B2bua b2bua;
    private final PickUpByReplaces pickUps;
    private volatile SipServer server;
    private volatile io.micrometer.core.instrument.Timer decisionTime;

    public CallHandler(Registrar registrar, TenantViewCache views, RoutingEngine engine, Clock clock, Trunks trunks,
                       UserDevices devices, LiveCalls live, B2bua b2bua) {
        this.registrar = registrar;
        this.views = views;
        this.engine = engine;
        this.clock = clock;
        this.trunks = trunks;
        this.devices = devices;
        this.live = live;
        this.b2bua = b2bua;
        this.pickUps = new PickUpByReplaces(b2bua, live);
    }

    public void attach(SipServer sipServer) {
        this.server = sipServer;
    }

    /** Where the time of each routing decision goes (the {@code pbx.routing.decision} histogram). */
    public void timeDecisions(io.micrometer.core.instrument.Timer timer) {
        this.decisionTime = timer;
    }

    public void invite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() != null) {
            b2bua.inDialog(event);
            return;
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (from == null || !(from.getAddress().getURI() instanceof SipURI fromUri) || fromUri.getUser() == null
                || !(request.getRequestURI() instanceof SipURI target) || target.getUser() == null) {
            server.reply(event, Response.BAD_REQUEST, "From and request URI must be sip: URIs with a user part");
            return;
        }
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0) {
            server.reply(event, Response.TOO_MANY_HOPS, null);
            return;
        }
        String source = Registrar.sourceOf(request);
        PlacedCalls.Origin placed = b2bua.placed().claim(request, source);
        if (placed != null) {
            fromServer(event, placed, target.getUser(), source);
            return;
        }
        Optional<Trunk> trunk = trunks.inboundFrom(source);
        if (trunk.isPresent()) {
            fromTrunk(event, fromUri, from.getAddress().getDisplayName(), target.getUser(), trunk.get());
        } else {
            fromPhone(event, fromUri, target.getUser(), source);
        }
    }

    private void fromTrunk(RequestEvent event, SipURI fromUri, String displayName, String called, Trunk trunk)
            throws Exception {
        TenantView view = views.byPublicNumber(called).orElse(null);
        if (view == null) {
            server.reply(event, Response.NOT_FOUND, "Number not in service");
            log.info("Trunk {} call to {}: no tenant has this number", trunk.getName(), called);
            return;
        }
        Request request = event.getRequest();
        String asserted = assertedUser(request);
        String caller = asserted != null ? asserted : fromUri.getUser();
        boolean withheld = "anonymous".equalsIgnoreCase(fromUri.getUser())
                || "anonymous.invalid".equalsIgnoreCase(fromUri.getHost()) || privacyId(request);
        CallAttempt.Builder attempt = CallAttempt.fromTrunk(withheld ? null : caller, called)
                .sourceIp(Registrar.sourceOf(request));
        String domain = views.sipDomain(view.tenantId()).orElse(server.advertisedHost());
        route(event, view, attempt, new B2bCall.Setup(view.tenantId(), view, null, null, withheld ? null : caller,
                displayName, called, domain, redecide(view, attempt)));
    }

    private void fromPhone(RequestEvent event, SipURI fromUri, String dialled, String source) throws Exception {
        String realm = fromUri.getHost().toLowerCase(Locale.ROOT);
        Credential channel = registrar.authenticate(event, realm, fromUri.getUser(), true);
        if (channel == null) {
            return;
        }
        TenantView view = views.byId(channel.tenantId()).orElse(null);
        if (view == null) {
            // Ours, not the callee's: the tenant's view is being (re)built; the phone may retry.
            server.reply(event, Response.SERVICE_UNAVAILABLE, "Tenant not loaded");
            return;
        }
        String user = devices.userOn(view, channel.channel());
        javax.sip.header.ContactHeader contact = (javax.sip.header.ContactHeader) event.getRequest()
                .getHeader(javax.sip.header.ContactHeader.NAME);
        fromChannel(event, view, user, channel.channel(), dialled, source, realm,
                devices.deviceTypeOf(view, channel.channel(), user,
                        contact == null ? null : contact.getAddress().getURI().toString()));
    }

    /**
     * A call the server placed itself for a user in a call (the {@code ##<dest>#} consultation,
     * {@link PlacedCall}): decided as a call of that user from its channel, as if dialled there.
     */
    private void fromServer(RequestEvent event, PlacedCalls.Origin origin, String dialled, String source)
            throws Exception {
        TenantView view = views.byId(origin.tenantId()).orElse(null);
        if (view == null) {
            server.reply(event, Response.SERVICE_UNAVAILABLE, "Tenant not loaded");
            return;
        }
        fromChannel(event, view, origin.user(), origin.channel(), dialled, source, origin.domain(),
                devices.deviceTypeOf(view, origin.channel(), origin.user(), null));
    }

    private void fromChannel(RequestEvent event, TenantView view, String user, String channel, String dialled,
                             String source, String realm, org.reachpbx.rules.vocabulary.DeviceType deviceType)
            throws Exception {
        CallAttempt.Builder attempt = CallAttempt.fromDevice(user, channel, dialled).sourceIp(source)
                .deviceType(deviceType)
                .lastLoginIp(devices.loginAddress(view, channel))
                .callerExternalCalls(live.externalCalls(view.tenantId(), user));
        B2bCall.Setup setup = new B2bCall.Setup(view.tenantId(), view, user, channel,
                user != null ? user : channel, null, dialled, realm, redecide(view, attempt));
        gov.nist.javax.sip.header.extensions.ReplacesHeader replaces = PickUpByReplaces.replaces(event);
        if (replaces != null) {
            pickUps.invite(event, replaces, setup); // a BLF key picking up a ringing call, not a new call
            return;
        }
        route(event, view, attempt, setup);
    }

    private void route(RequestEvent event, TenantView view, CallAttempt.Builder attempt, B2bCall.Setup setup)
            throws Exception {
        long tenant = view.tenantId();
        attempt.busyUsers(live.busyUsers(view)).unreachableDevices(devices.unreachable(view))
                .callLimitCalls(live.callLimitCalls(tenant));
        long began = System.nanoTime();
        RoutingDecision decision = engine.decide(attempt.build(), view, clock);
        io.micrometer.core.instrument.Timer timer = decisionTime;
        if (timer != null) {
            timer.record(System.nanoTime() - began, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        if (decision.outcome() == RoutingDecision.Outcome.REJECT) {
            // Nothing to set up: answer in the INVITE's transaction, no dialog, no counters.
            B2bCall.refuse(server, event, decision);
            b2bua.record(EndedCall.refused(setup, ((javax.sip.header.CallIdHeader) event.getRequest()
                    .getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId(), event.getRequest(), decision,
                    clock.instant()));
            return;
        }
        LiveCalls.Taken counts = live.take(tenant);
        counts.user(setup.callerUser());
        counts.channel(setup.callerChannel());
        if (decision.countsAgainst() != null) {
            decision.countsAgainst().forEach(counts::callLimit);
        }
        ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                : server.provider().getNewServerTransaction(event.getRequest());
        try {
            b2bua.start(setup, tx, decision, counts);
        } catch (Exception | Error e) {
            counts.release();
            throw e;
        }
    }

    /**
     * Deciding again for this call after a menu: the same attempt with the keyed digits, on the
     * tenant's configuration and live state as they are at that moment.
     */
    private Redecide redecide(TenantView first, CallAttempt.Builder attempt) {
        return new Redecide() {
            @Override
            public RoutingDecision again(String resumeAt, String digits, String prefix) {
                TenantView view = views.byId(first.tenantId()).orElse(first);
                attempt.resume(resumeAt, digits, prefix).time(null);
                return decide(attempt, view);
            }

            @Override
            public RoutingDecision transfer(String extension) {
                TenantView view = views.byId(first.tenantId()).orElse(first);
                CallAttempt original = attempt.build();
                // To an extension of the tenant, as an internal call of the same caller would be.
                CallAttempt.Builder to = CallAttempt.fromDevice(original.callerExtension(), original.channel(), extension)
                        .caller(original.callerNumber()).sourceIp(original.sourceIp());
                return decide(to, view);
            }

            @Override
            public RoutingDecision transferFrom(String user, String channel, String dialled) {
                TenantView view = views.byId(first.tenantId()).orElse(first);
                CallAttempt original = attempt.build();
                CallAttempt.Builder from = CallAttempt.fromDevice(user, channel, dialled)
                        .caller(original.callerNumber()).sourceIp(original.sourceIp());
                return decide(from, view);
            }

            private RoutingDecision decide(CallAttempt.Builder a, TenantView view) {
                a.busyUsers(live.busyUsers(view)).unreachableDevices(devices.unreachable(view))
                        .callLimitCalls(live.callLimitCalls(view.tenantId()));
                return engine.decide(a.build(), view, clock);
            }
        };
    }

    private static String assertedUser(Request request) {
        javax.sip.header.Header pai = request.getHeader("P-Asserted-Identity");
        if (pai instanceof javax.sip.header.HeaderAddress ha && ha.getAddress().getURI() instanceof SipURI uri) {
            return uri.getUser();
        }
        return null;
    }

    private static boolean privacyId(Request request) {
        javax.sip.header.Header privacy = request.getHeader("Privacy");
        return privacy != null && privacy.toString().toLowerCase(Locale.ROOT).contains("id");
    }
}
