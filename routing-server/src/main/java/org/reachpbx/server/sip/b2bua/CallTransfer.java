package org.reachpbx.server.sip.b2bua;

import java.util.function.Consumer;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.media.MediaSession;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.vocabulary.Language;
import org.reachpbx.server.sip.services.InCallServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks and announcements around a transfer by REFER (RFC 3515; GEN-03/04, PARK-02), so that
 * {@link B2bCall} only moves the legs: which target the REFER names, when it is refused on the REFER
 * itself (the call then stays as it was, and the phone shows the transfer failed), how long an
 * unanswered transfer rings before it returns, and the park line the parker hears.
 */
final class CallTransfer {

    private static final Logger log = LoggerFactory.getLogger(CallTransfer.class);

    private final B2bua b2b;
    private final B2bCall.Setup setup;
    private final String callId;

    CallTransfer(B2bua b2b, B2bCall.Setup setup, String callId) {
        this.b2b = b2b;
        this.setup = setup;
        this.callId = callId;
    }

    /** The number or extension the REFER names: the user part of its Refer-To SIP URI, else null. */
    static String target(Request refer) {
        ReferToHeader referTo = (ReferToHeader) refer.getHeader(ReferToHeader.NAME);
        return referTo != null && referTo.getAddress().getURI() instanceof SipURI u ? u.getUser() : null;
    }

    /** Whether the rules' decision for the target parks the call (a transfer to {@code *6}). */
    static boolean isPark(RoutingDecision d) {
        return d.outcome() == RoutingDecision.Outcome.MEDIA && d.media().kind() == MediaService.Kind.SYSTEM_CODE
                && "*6".equals(d.media().code());
    }

    /** Refuses what the server cannot carry out; true when the REFER was answered with the refusal. */
    boolean refuseEarly(ServerTransaction st, String user, String target, boolean mediaPlane) throws Exception {
        if (target == null) {
            return refuse(st, Response.BAD_REQUEST, "Refer-To names no SIP target");
        }
        if (user == null) {
            return refuse(st, Response.FORBIDDEN, "only users of the account transfer calls");
        }
        if (!mediaPlane) {
            // The caller's media must come to the server to route it on without the transferor.
            return refuse(st, Response.NOT_IMPLEMENTED, "transfers need the media plane (pbx.media.enabled)");
        }
        return false;
    }

    /** The rules refused the call to the target (barred, invalid, external limit): the REFER gets it. */
    boolean refusedByRules(ServerTransaction st, RoutingDecision d) throws Exception {
        if (d.outcome() != RoutingDecision.Outcome.REJECT) {
            return false;
        }
        String reason = d.reject().reason() == null ? d.reject().cause().name() : d.reject().reason();
        return refuse(st, d.reject().sipStatus(), reason);
    }

    /** PARK-02: a 100th park is refused and the call stays connected. */
    boolean parkLinesFull(TenantView view, ServerTransaction st) throws Exception {
        InCallServices inCall = b2b.inCall();
        if (inCall == null) {
            return refuse(st, Response.NOT_IMPLEMENTED, "parking needs the media plane");
        }
        if (inCall.parked().lines(view.tenantId()).size() >= org.reachpbx.rules.services.ServiceCall.PARK_LINES) {
            return refuse(st, Response.BUSY_HERE, "all 99 park lines are in use");
        }
        return false;
    }

    /** PARK-02 for a park by code ({@code ##*6#}): whether one of the 99 lines is free. */
    boolean parkLineFree(TenantView view) {
        InCallServices inCall = b2b.inCall();
        return inCall != null
                && inCall.parked().lines(view.tenantId()).size() < org.reachpbx.rules.services.ServiceCall.PARK_LINES;
    }

    /**
     * GEN-04: after how many seconds an unanswered blind transfer returns to the transferring user
     * (null: it follows the target's REACH instead and does not return).
     */
    Integer returnAfterSeconds(TenantView view, String user, String channel, String target) {
        InCallServices inCall = b2b.inCall();
        if (inCall == null) {
            return null;
        }
        ServiceDecision d = inCall.transfer(view, user, channel, target, true);
        return d.outcome() == ServiceOutcome.ALLOWED && d.transfer() != null ? d.transfer().returnAfterSeconds() : null;
    }

    /**
     * PARK-02: the parker hears "parked on line N" on its own leg, then the REFER's NOTIFY and a BYE
     * end that leg ({@code line} null: at once). Runs the SIP acts under the call's lock.
     */
    void announceLine(Dialog parker, String parkerChannel, MediaSession session, Integer line,
                      Consumer<Runnable> locked, Runnable notifyThenBye) {
        Runnable done = () -> locked.accept(() -> {
            notifyThenBye.run();
            session.close();
        });
        if (line == null || b2b.media() == null) {
            done.run();
            return;
        }
        ChannelView channel = parkerChannel == null ? null : setup.view().channel(parkerChannel);
        Language language = channel == null || channel.language() == null ? Language.NL : channel.language();
        session.play(b2b.media().prompts(language).of("park-parked-at", "number-" + line), false, done);
        log.debug("Call {}: parker on dialog {} hears line {}", callId, parker.getDialogId(), line);
    }

    private boolean refuse(ServerTransaction st, int status, String reason) throws Exception {
        Response r = b2b.sip().messages().createResponse(status, st.getRequest());
        r.addHeader(b2b.sip().headers().createReasonHeader("SIP", status, reason.replace('"', '\'')));
        st.sendResponse(r);
        log.info("Call {}: transfer refused with {}: {}", callId, status, reason);
        return true;
    }
}
