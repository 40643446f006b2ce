package org.reachpbx.server.sip.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.sip.devices.UserDevices;
import org.reachpbx.server.sip.registrar.Registrar;
import org.reachpbx.server.sip.registrar.SipCredentials.Credential;
import org.reachpbx.server.sip.stack.SipServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE and NOTIFY (RFC 6665) for BLF (dialog), presence and message-summary: the subscriber
 * authenticates like for a call, may watch a user only with the presence right (PRV-04), holds at
 * most {@code max-per-device} subscriptions, and gets a NOTIFY at once, on every change, and when
 * the subscription ends (Expires: 0, expiry, or the phone refusing a NOTIFY).
 */
public class Subscriptions implements AutoCloseable, org.reachpbx.integrations.mwi.MailboxWatchers {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final SubscriptionProperties properties;
    private final Registrar registrar;
    private final TenantViewCache views;
    private final UserDevices devices;
    private final NotifyBodies bodies;
    private final Clock clock;
    private final Map<Dialog, Subscription> all = new ConcurrentHashMap<>();
    private volatile SipServer sip;

    Subscriptions(SubscriptionProperties properties, Registrar registrar, TenantViewCache views, UserDevices devices,
                  NotifyBodies bodies, Clock clock) {
        this.properties = properties;
        this.registrar = registrar;
        this.views = views;
        this.devices = devices;
        this.bodies = bodies;
        this.clock = clock;
    }

    private final java.util.concurrent.ScheduledExecutorService sweeper =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "subscription-sweeper");
                t.setDaemon(true);
                return t;
            });

    public void attach(SipServer server) {
        this.sip = server;
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Subscription sweep failed: {}", e.toString());
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** Subscriptions held now (all devices). */
    public int count() {
        return all.size();
    }

    public void subscribe(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        Object owner = event.getDialog() == null ? null : event.getDialog().getApplicationData();
        if (owner instanceof Subscription s) {
            refresh(event, s);
            return;
        }
        if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            sip.reply(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "Subscription does not exist");
            return;
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (!(from.getAddress().getURI() instanceof SipURI fromUri) || fromUri.getUser() == null
                || fromUri.getHost() == null || !(request.getRequestURI() instanceof SipURI target) || target.getUser() == null) {
            sip.reply(event, Response.BAD_REQUEST, "From and Request-URI must be sip: URIs with a user");
            return;
        }
        String realm = fromUri.getHost().toLowerCase(Locale.ROOT);
        Credential channel = registrar.authenticate(event, realm, fromUri.getUser(), true);
        if (channel == null) {
            return;
        }
        EventHeader eventHeader = (EventHeader) request.getHeader(EventHeader.NAME);
        EventPackage pkg = EventPackage.of(eventHeader == null ? null : eventHeader.getEventType());
        if (pkg == null) {
            Response bad = sip.messages().createResponse(Response.BAD_EVENT, request);
            for (EventPackage p : EventPackage.values()) {
                bad.addHeader(sip.headers().createAllowEventsHeader(p.token));
            }
            sip.send(event, bad);
            return;
        }
        TenantView view = views.byId(channel.tenantId()).orElse(null);
        String user = view == null ? null : devices.userOn(view, channel.channel());
        if (user == null) {
            sip.reply(event, Response.FORBIDDEN, "No user is logged in on this device");
            return;
        }
        // MWI is always the subscriber's own mailbox, whatever URI the phone puts (often its own account).
        String watched = pkg == EventPackage.MESSAGE_SUMMARY ? user : target.getUser();
        if (pkg != EventPackage.MESSAGE_SUMMARY) {
            if (view.user(watched) == null) {
                sip.reply(event, Response.NOT_FOUND, "No user extension " + watched);
                return;
            }
            String refusal = bodies.refusal(view, user, watched);
            if (refusal != null) {
                log.info("SUBSCRIBE {} of {} by {} refused: {}", pkg.token, watched, user, refusal);
                sip.reply(event, Response.FORBIDDEN, "No presence right on " + watched);
                return;
            }
        }
        Integer expires = expires(event);
        if (expires == null) {
            return;
        }
        long held = all.values().stream().filter(s -> s.tenantId == channel.tenantId()
                && s.channel.equals(channel.channel())).count();
        if (expires > 0 && held >= properties.getMaxPerDevice()) {
            log.info("SUBSCRIBE by {} refused: {} subscriptions held, the limit", channel.channel(), held);
            sip.reply(event, Response.FORBIDDEN, "Too many subscriptions from this device (limit "
                    + properties.getMaxPerDevice() + ")");
            return;
        }
        ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                : sip.provider().getNewServerTransaction(request);
        Dialog dialog = sip.provider().getNewDialog(st);
        Subscription s = new Subscription(channel.tenantId(), channel.channel(), user, watched, pkg, realm, dialog,
                clock.instant().plusSeconds(expires));
        dialog.setApplicationData(s);
        st.sendResponse(accepted(request, expires, true));
        if (expires == 0) {
            // RFC 6665 §4.2.1.4: a fetch: one NOTIFY with the state, the subscription ends at once.
            s.ended = true;
            notify(s, "timeout");
            return;
        }
        all.put(dialog, s);
        log.debug("SUBSCRIBE accepted: {} for {} s", s, expires);
        notify(s, null);
    }

    private void refresh(RequestEvent event, Subscription s) throws Exception {
        Integer expires = expires(event);
        if (expires == null) {
            return;
        }
        ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                : sip.provider().getNewServerTransaction(event.getRequest());
        st.sendResponse(accepted(event.getRequest(), expires, false));
        if (expires == 0) {
            end(s, null);
        } else {
            s.expiresAt = clock.instant().plusSeconds(expires);
            s.lastBody = null; // RFC 6665 §4.2.1.2: a refresh is answered with a NOTIFY, changed or not
            notify(s, null);
        }
    }

    /** The granted Expires, or null after refusing a too short one (423, RFC 6665 §4.2.1.1). */
    private Integer expires(RequestEvent event) throws Exception {
        ExpiresHeader h = (ExpiresHeader) event.getRequest().getHeader(ExpiresHeader.NAME);
        int asked = h == null ? properties.getDefaultExpires() : h.getExpires();
        if (asked > 0 && asked < properties.getMinExpires()) {
            Response r = sip.messages().createResponse(Response.INTERVAL_TOO_BRIEF, event.getRequest());
            r.addHeader(sip.headers().createMinExpiresHeader(properties.getMinExpires()));
            sip.send(event, r);
            return null;
        }
        return Math.min(asked, properties.getMaxExpires());
    }

    private Response accepted(Request request, int expires, boolean newDialog) throws Exception {
        Response ok = sip.messages().createResponse(Response.OK, request);
        if (newDialog) {
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(Long.toHexString(Double.doubleToLongBits(Math.random())));
        }
        ok.addHeader(sip.headers().createExpiresHeader(expires));
        ok.addHeader(sip.contactHeader(((javax.sip.header.ViaHeader) request.getHeader(
                javax.sip.header.ViaHeader.NAME)).getTransport()));
        return ok;
    }

    /**
     * The user's calls changed: BLF watchers get {@code shown} (which still holds a call that just
     * ended, as terminated), (automatic) presence watchers the presence that follows.
     */
    void callsChanged(long tenantId, String user, java.util.List<DialogStates.UserDialog> shown) {
        for (Subscription s : all.values()) {
            if (s.tenantId == tenantId && s.target.equals(user) && s.event != EventPackage.MESSAGE_SUMMARY) {
                notify(s, null, shown);
            }
        }
    }

    /** A box's counts changed (a message left, read or deleted): its message-summary subscribers get the new ones. */
    @Override
    public void changed(long tenantId, String box) {
        for (Subscription s : all.values()) {
            if (s.tenantId == tenantId && s.target.equals(box) && s.event == EventPackage.MESSAGE_SUMMARY) {
                notify(s, null);
            }
        }
    }

    /** A tenant's configuration changed (a REACH status, say): presence watchers hear of a changed presence. */
    void tenantChanged(long tenantId) {
        for (Subscription s : all.values()) {
            if (s.tenantId == tenantId && s.event == EventPackage.PRESENCE) {
                notify(s, null);
            }
        }
    }

    /** Ends the subscriptions whose time is up (RFC 6665 §4.1.2.4: a NOTIFY with reason timeout). */
    public void sweep() {
        Instant now = clock.instant();
        for (Subscription s : all.values()) {
            if (!s.expiresAt.isAfter(now)) {
                end(s, "timeout");
            }
        }
    }

    private void end(Subscription s, String reason) {
        if (all.remove(s.dialog) != null) {
            s.ended = true;
            notify(s, reason);
        }
    }

    /**
     * Sends the current state in the subscription's dialog: active with the seconds left, or
     * terminated once ended. An active subscription whose state did not change gets nothing.
     */
    private void notify(Subscription s, String reason) {
        notify(s, reason, null);
    }

    private void notify(Subscription s, String reason, java.util.List<DialogStates.UserDialog> shown) {
        synchronized (s) {
            try {
                String body = bodies.body(s, shown);
                if (!s.ended && s.lastBody != null && s.lastBody.equals(body)) {
                    return;
                }
                Request n = s.dialog.createRequest(Request.NOTIFY);
                n.addHeader(sip.headers().createEventHeader(s.event.token));
                SubscriptionStateHeader state;
                if (s.ended) {
                    state = sip.headers().createSubscriptionStateHeader(SubscriptionStateHeader.TERMINATED);
                    if (reason != null) {
                        state.setReasonCode(reason);
                    }
                } else {
                    state = sip.headers().createSubscriptionStateHeader(SubscriptionStateHeader.ACTIVE);
                    state.setExpires((int) Math.max(1, Duration.between(clock.instant(), s.expiresAt).toSeconds()));
                }
                n.addHeader(state);
                n.setContent(body, sip.headers().createContentTypeHeader(s.event.type, s.event.subtype));
                s.lastBody = body;
                s.version++;
                ClientTransaction ct = sip.provider().getNewClientTransaction(n);
                ct.setApplicationData(s);
                s.dialog.sendRequest(ct);
            } catch (Exception e) {
                log.info("NOTIFY of {} not sent: {}", s, e.toString());
                all.remove(s.dialog);
            }
        }
    }

    /** An answer to one of our NOTIFYs: a phone that no longer knows the subscription ends it (RFC 6665 §4.1.2.4 ). */
    public boolean response(ResponseEvent event) {
        ClientTransaction tx = event.getClientTransaction();
        if (tx == null || !(tx.getApplicationData() instanceof Subscription s)) {
            return false;
        }
        int status = event.getResponse().getStatusCode();
        if (status >= 300 && all.remove(s.dialog) != null) {
            log.info("NOTIFY of {} answered {}: subscription ended", s, status);
            s.ended = true;
        }
        if (status >= 200 && s.ended) {
            s.dialog.delete();
        }
        return true;
    }

    public boolean timeout(TimeoutEvent event) {
        if (event.isServerTransaction() || !(event.getClientTransaction().getApplicationData() instanceof Subscription s)) {
            return false;
        }
        all.remove(s.dialog);
        s.ended = true;
        s.dialog.delete();
        log.info("NOTIFY of {} unanswered: subscription ended", s);
        return true;
    }
}
