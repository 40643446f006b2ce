package org.reachpbx.server.sip.b2bua;

import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.server.sip.media.ServedCall;
import org.reachpbx.server.sip.media.MediaAnchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blind transfers of one answered call and what a transferor is told (GEN-03/04/06, PARK-02,
 * RFC 3515): by the called user's transfer key (REFER), by the caller's transfer key, or by the
 * {@code ##*<dest>#} code; an unanswered transfer returns to its user once (GEN-04). {@link
 * CallTransfer} makes the checks and announcements; this class moves the legs of the {@link
 * B2bCall} that owns it, through the call's narrow package-private hooks (the call keeps its state).
 *
 * <p>Every method runs under the call's lock: the call's synchronized methods call in, and the
 * re-anchoring callbacks, the return timer and the NOTIFY answers come back through {@link
 * B2bCall#locked}.
 */
final class CallTransfers {

    private static final Logger log = LoggerFactory.getLogger(CallTransfers.class);

    private final B2bua b2b;
    private final B2bCall call;
    /** Counts the transfers of this call: a return timer of an earlier transfer does nothing. */
    private int transfers;

    CallTransfers(B2bua b2b, B2bCall call) {
        this.b2b = b2b;
        this.call = call;
    }

    /**
     * A blind transfer by the called user's transfer key (GEN-03/04): decided as a call from that
     * user to the target (barring, external-call limit), refused on the REFER when the rules refuse
     * (the call stays as it was); otherwise the user's leg is released and the caller, whose media the
     * server holds, is routed on; unanswered it returns to the user (GEN-04). A transfer to {@code *6}
     * parks the caller (PARK-02) and the user hears the line first.
     */
    void byCallee(ServerTransaction st, String target) throws Exception {
        B2bCall.Setup setup = call.setup();
        Branch by = call.winner();
        CallTransfer transfer = new CallTransfer(b2b, setup, call.callId());
        RoutingDecision d = transfer.refuseEarly(st, by.user, target, b2b.media() != null)
                ? null : setup.redecide().transferFrom(by.user, by.channel, target);
        if (d == null || transfer.refusedByRules(st, d)) {
            return;
        }
        if (CallTransfer.isPark(d) && transfer.parkLinesFull(setup.view(), st)) {
            return;
        }
        st.sendResponse(b2b.sip().messages().createResponse(Response.ACCEPTED, st.getRequest()));
        BridgeMedia media = call.bridgeMedia();
        if (media.anchored()) {
            complete(transfer, by, d, target, true);
            return;
        }
        // The media went end to end: both parties come to the server first (when-needed anchoring).
        Reanchoring.start(b2b, call, call.aDialog, by.dialog, anchor -> {
            if (call.state() == B2bCall.State.ANSWERED && call.winner() == by) {
                media.adopt(anchor);
                complete(transfer, by, d, target, true);
            } else {
                anchor.close();
            }
        }, () -> notifyRefer(by.dialog, "SIP/2.0 503 Service Unavailable", "terminated;reason=noresource", null));
    }

    /**
     * A blind transfer by the caller's transfer key (GEN-03/04): the called party is the one that
     * moves on, so the server calls the target itself as a call of the caller (a {@link PlacedCall},
     * barring applies and a refusal is answered on the REFER), the called party hears the ringback
     * and is connected at the answer; the caller's leg ends at once (NOTIFY 200, then BYE), as after
     * the consulting user hung up in {@link Consultation}. Calls whose media went end to end are
     * brought into the server first.
     */
    void byCaller(ServerTransaction st) throws Exception {
        B2bCall.Setup setup = call.setup();
        Dialog aDialog = call.aDialog;
        String target = CallTransfer.target(st.getRequest());
        CallTransfer transfer = new CallTransfer(b2b, setup, call.callId());
        String user = setup.callerUser();
        RoutingDecision d = transfer.refuseEarly(st, user, target, b2b.media() != null)
                ? null : setup.redecide().transferFrom(user, setup.callerChannel(), target);
        if (d == null || transfer.refusedByRules(st, d)) {
            return;
        }
        if (CallTransfer.isPark(d)) {
            call.answer(st, Response.FORBIDDEN); // parking is the called user's (PARK-02)
            return;
        }
        st.sendResponse(b2b.sip().messages().createResponse(Response.ACCEPTED, st.getRequest()));
        Branch with = call.winner();
        BridgeMedia media = call.bridgeMedia();
        Runnable moveOn = () -> {
            if (calledPartyMovesOn(user, target)) {
                notifyReferThenBye(aDialog);
            } else {
                notifyRefer(aDialog, "SIP/2.0 503 Service Unavailable", "terminated;reason=noresource", null);
            }
        };
        if (media.anchored()) {
            moveOn.run();
            return;
        }
        Reanchoring.start(b2b, call, aDialog, with.dialog, anchor -> {
            if (call.state() == B2bCall.State.ANSWERED && call.winner() == with && call.transferorStayed()) {
                media.adopt(anchor);
                moveOn.run();
            } else {
                anchor.close();
            }
        }, () -> notifyRefer(aDialog, "SIP/2.0 503 Service Unavailable", "terminated;reason=noresource", null));
    }

    /**
     * {@code ##*<dest>#} keyed by the caller (GEN-06): as by the caller's transfer key, without a
     * REFER: a refused target (barring) leaves the call as it was, parking stays the called user's;
     * otherwise the caller's leg ends (BYE) and the called party is connected to the target at its
     * answer.
     */
    void byCallerCode(String target) {
        B2bCall.Setup setup = call.setup();
        String user = setup.callerUser();
        if (call.state() != B2bCall.State.ANSWERED || !call.bridgeMedia().anchored() || !call.transferorStayed()
                || user == null) {
            return;
        }
        RoutingDecision d = setup.redecide().transferFrom(user, setup.callerChannel(), target);
        if (d.outcome() == RoutingDecision.Outcome.REJECT || CallTransfer.isPark(d)) {
            log.info("Call {}: ##*{}# by the caller {} refused", call.callId(), target, user);
            return;
        }
        if (call.consultation() != null) {
            call.consultation().callEnded();
            call.consultation(null);
        }
        if (calledPartyMovesOn(user, target)) {
            call.sendBye(call.aDialog);
        }
    }

    /**
     * The caller's blind transfer: the server calls the target as a call of the caller (a {@link
     * PlacedCall} through a {@link Consultation}) and the caller leaves at once, the called party
     * hearing the ringback until the answer; false (the two stay connected) when no call could be placed.
     */
    private boolean calledPartyMovesOn(String user, String target) {
        B2bCall.Setup setup = call.setup();
        BridgeMedia media = call.bridgeMedia();
        Consultation c = Consultation.hold(b2b, call, true, user, setup.callerChannel(), media.anchor());
        call.consultation(c);
        c.consult(target);
        if (c.holding() || c.over()) {
            call.consultation(null);
            media.anchor().resume();
            return false;
        }
        log.info("Call {}: the caller {} transferred the called party to {}", call.callId(), user, target);
        c.userHungUp(call.aDialog);
        // GEN-04: not reached, the call returns to the transferring user, as a call of the party that
        // was transferred (or of the transferring user when that party is no user of the account).
        Integer after = new CallTransfer(b2b, setup, call.callId())
                .returnAfterSeconds(setup.view(), user, setup.callerChannel(), target);
        Branch other = call.winner();
        if (after != null && other != null) {
            c.returnIfNotReached(other.user != null && other.channel != null
                    ? new Consultation.ReturnCall(other.user, other.channel, user)
                    : new Consultation.ReturnCall(user, setup.callerChannel(), user));
            b2b.timer().schedule(() -> call.locked(c::returnNow), after, java.util.concurrent.TimeUnit.SECONDS);
        }
        return true;
    }

    /**
     * {@code ##*<dest>#} (GEN-06): a blind transfer as by the transfer key, decided as a call of the
     * user (barring applies); a refused target leaves the call as it was. {@code ##**6#} parks the
     * other party (PARK-02) when a line is free.
     */
    void byCode(Branch by, String target) {
        if (call.state() != B2bCall.State.ANSWERED || call.winner() != by || !call.bridgeMedia().anchored()
                || !call.transferorStayed()) {
            return;
        }
        B2bCall.Setup setup = call.setup();
        RoutingDecision d = setup.redecide().transferFrom(by.user, by.channel, target);
        CallTransfer transfer = new CallTransfer(b2b, setup, call.callId());
        if (d.outcome() == RoutingDecision.Outcome.REJECT || CallTransfer.isPark(d) && !transfer.parkLineFree(setup.view())) {
            log.info("Call {}: ##*{}# by {} refused", call.callId(), target, by.user);
            return;
        }
        Consultation consultation = call.consultation();
        if (consultation != null) {
            consultation.callEnded();
            call.consultation(null);
        }
        complete(transfer, by, d, target, false);
    }

    /** The transfer accepted and the media at the server: the transferor's leg goes, the caller is routed on. */
    private void complete(CallTransfer transfer, Branch by, RoutingDecision d, String target, boolean referred) {
        B2bCall.Setup setup = call.setup();
        MediaAnchor.Split split = call.bridgeMedia().release().split();
        ServedCall served = call.takeBackCaller(by, split.caller());
        if (CallTransfer.isPark(d)) {
            call.servedByServer();
            Integer line = b2b.inCall().park(setup.view(), by.user, by.channel, served);
            transfer.announceLine(by.dialog, by.channel, split.callee(), line, call::locked,
                    referred ? () -> notifyReferThenBye(by.dialog) : () -> call.sendBye(by.dialog));
            if (line == null) {
                call.hangUp();
            }
            return;
        }
        split.callee().close();
        if (referred) {
            notifyReferThenBye(by.dialog);
        } else {
            call.sendBye(by.dialog);
        }
        log.info("Call {}: transferred by {} to {}", call.callId(), by.user, target);
        int mine = ++transfers;
        Integer returnAfter = transfer.returnAfterSeconds(setup.view(), by.user, by.channel, target);
        call.routeOn(d);
        if (returnAfter != null && call.state() == B2bCall.State.ROUTING) {
            b2b.timer().schedule(() -> call.locked(() -> returnToTransferor(mine, by.user)), returnAfter, TimeUnit.SECONDS);
        }
    }

    /** GEN-04: nobody answered the transfer in time: the call rings back at the transferring user, once. */
    private void returnToTransferor(int transfer, String user) {
        if (transfer != transfers || call.state() != B2bCall.State.ROUTING || !call.callerAnswered()) {
            return;
        }
        log.info("Call {}: transfer not answered; back to {}", call.callId(), user);
        call.cancelBranches(null);
        RoutingDecision back = call.setup().redecide().transfer(user);
        call.execute(back);
    }

    /**
     * RFC 3515: the REFER's implicit subscription ends with the final outcome (here: taken over),
     * and the transferor's leg ends once the phone has answered that NOTIFY. A BYE sent right behind
     * the NOTIFY can be handled first by a phone that works on several requests at once; its dialog
     * gone, it refuses the NOTIFY (481) and never learns the outcome. (RFC 5589 phones hang up
     * themselves on the NOTIFY; their BYE and ours cross harmlessly.)
     */
    void notifyReferThenBye(Dialog dialog) {
        if (!notifyRefer(dialog, "SIP/2.0 200 OK", "terminated;reason=noresource",
                new NotifySent(call, () -> call.sendBye(dialog)))) {
            call.sendBye(dialog);
        }
    }

    /** A NOTIFY sent for a REFER, and what follows once it is answered or timed out (under the call's lock). */
    record NotifySent(B2bCall call, Runnable then) {
        void answered() {
            call.locked(then);
        }
    }

    /** Sends the NOTIFY; false when it could not be sent. */
    boolean notifyRefer(Dialog dialog, String sipfrag, String subscriptionState, NotifySent sent) {
        try {
            Request notify = dialog.createRequest(Request.NOTIFY);
            notify.addHeader(b2b.sip().headers().createEventHeader("refer"));
            notify.addHeader(b2b.sip().headers().createSubscriptionStateHeader(subscriptionState));
            notify.setContent(sipfrag + "\r\n", b2b.sip().headers().createContentTypeHeader("message", "sipfrag;version=2.0"));
            ClientTransaction ct = b2b.sip().provider().getNewClientTransaction(notify);
            ct.setApplicationData(sent);
            dialog.sendRequest(ct);
            return true;
        } catch (Exception e) {
            log.info("Call {}: NOTIFY for the REFER failed: {}", call.callId(), e.toString());
            return false;
        }
    }
}
