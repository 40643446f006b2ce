package org.reachpbx.server.sip.b2bua;

import gov.nist.javax.sip.header.ParametersHeader;
import gov.nist.javax.sip.header.extensions.ReplacesHeader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.rules.services.ServiceRequest.RingingCall;
import org.reachpbx.server.sip.services.CallJoin;
import org.reachpbx.server.sip.services.InCallServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pickup by Replaces (GEN-02, RFC 3891): a desk phone's BLF key picks up a call ringing at a
 * colleague with a new INVITE whose {@code Replaces} names that call as the dialog NOTIFY announced
 * it (the caller's Call-ID; the tags, when the phone sends any, of the caller's dialog with the
 * server). It is the directed pickup {@code *8<colleague>} of exactly that call:
 * <ul>
 *   <li>no ringing call of the picker's account by that name (answered meanwhile, ended, another
 *       account's, tags that do not match): {@code 481}; {@code early-only} and already answered:
 *       {@code 486}, as RFC 3891 says;</li>
 *   <li>the service rules refuse it as they would refuse {@code *8<colleague>} (PRV-03, GRP-08):
 *       {@code 403} with their reason;</li>
 *   <li>otherwise the ringing legs get CANCEL and the caller and the picking-up phone are both
 *       answered by the server and joined there, as with {@code *8}; the picker's call is recorded as
 *       the directed pickup it amounts to.</li>
 * </ul>
 * The Replaces INVITE is not routed: its request URI does not matter.
 */
final class PickUpByReplaces {

    private static final Logger log = LoggerFactory.getLogger(PickUpByReplaces.class);

    private final B2bua b2bua;
    private final LiveCalls live;

    PickUpByReplaces(B2bua b2bua, LiveCalls live) {
        this.b2bua = b2bua;
        this.live = live;
    }

    /** The Replaces of a new INVITE, or null when it has none (then it is routed as a call). */
    static ReplacesHeader replaces(RequestEvent event) {
        return event.getRequest().getHeader(ReplacesHeader.NAME) instanceof ReplacesHeader r ? r : null;
    }

    /** {@code picker}: the call the phone's INVITE would be (caller, channel, account) if it were routed. */
    void invite(RequestEvent event, ReplacesHeader replaces, B2bCall.Setup picker) throws Exception {
        B2bCall named = b2bua.call(replaces.getCallId());
        if (named == null || named.tenantId() != picker.tenantId()
                || !named.callerDialog().namedBy(replaces.getToTag(), replaces.getFromTag())) {
            refuse(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "No such call", picker, replaces);
            return;
        }
        Optional<RingingCall> ringing = named.ringingNow();
        if (ringing.isEmpty()) {
            boolean answered = named.state() == B2bCall.State.ANSWERED;
            refuse(event, answered && earlyOnly(replaces) ? Response.BUSY_HERE : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    answered ? "Call already answered" : "Call not ringing", picker, replaces);
            return;
        }
        InCallServices services = b2bua.inCall();
        if (services == null || b2bua.media() == null) {
            refuse(event, Response.TEMPORARILY_UNAVAILABLE, "Call pickup is not available", picker, replaces);
            return;
        }
        RingingCall call = ringing.get();
        ServiceDecision d = services.pickUp(picker.view(), picker.callerUser(), picker.callerChannel(), call);
        if (d.outcome() != ServiceOutcome.ALLOWED || !call.id().equals(d.pickedUpCall())) {
            refuse(event, Response.FORBIDDEN, d.reason(), picker, replaces);
            return;
        }
        CallJoin join = new CallJoin();
        if (!b2bua.pickUp(call.id(), join.side())) {
            refuse(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "Call not ringing", picker, replaces);
            return;
        }
        log.info("Call {}: picked up by {} on {} by Replaces ({})", call.id(), picker.callerUser(),
                picker.callerChannel(), d.reason());
        String dialled = "*8" + call.callee();
        B2bCall.Setup setup = new B2bCall.Setup(picker.tenantId(), picker.view(), picker.callerUser(),
                picker.callerChannel(), picker.callerNumber(), picker.callerName(), dialled, picker.domain(),
                picker.redecide());
        LiveCalls.Taken counts = live.take(picker.tenantId());
        counts.user(setup.callerUser());
        counts.channel(setup.callerChannel());
        ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                : b2bua.sip().provider().getNewServerTransaction(event.getRequest());
        try {
            b2bua.startAnswered(setup, tx, directedPickUp(dialled, d), counts, join.side());
        } catch (Exception | Error e) {
            counts.release();
            throw e;
        }
    }

    /** The picker's call as its records show it: the system code {@code *8<callee>}, traced by the service rules. */
    private static RoutingDecision directedPickUp(String dialled, ServiceDecision d) {
        MediaService pickUp = new MediaService(MediaService.Kind.SYSTEM_CODE, null, dialled, Map.of("by", "Replaces"));
        List<FiredRule> trace = d.trace() == null ? List.of() : d.trace();
        return new RoutingDecision(RoutingDecision.Outcome.MEDIA, null, null, null, null, null, null, pickUp, null, null,
                null, null, dialled, null, trace, null, null);
    }

    private static boolean earlyOnly(ReplacesHeader replaces) {
        return replaces instanceof ParametersHeader p && p.hasParameter("early-only");
    }

    private void refuse(RequestEvent event, int status, String reason, B2bCall.Setup picker, ReplacesHeader replaces)
            throws Exception {
        log.info("Pickup by Replaces of {} from {} on {}: {} {}", replaces.getCallId(), picker.callerUser(),
                picker.callerChannel(), status, reason);
        b2bua.sip().reply(event, status, reason);
    }
}
