package org.reachpbx.server.sip.b2bua;

import java.util.concurrent.TimeUnit;
import org.reachpbx.server.sip.media.MediaAnchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys the users of one answered call press (GEN-06/07): read from the anchored media
 * sessions (the server sees RFC 4733 digits only when the media runs through it: {@code
 * anchor-media: always}), parsed by {@link InCallCodes}, and carried out: a consultation's keys go
 * to the {@link Consultation}, {@code ##*<dest>#} is a blind transfer ({@link CallTransfers}),
 * {@code ##<dest>#} starts a consultation and a lone {@code ##} holds the other party.
 *
 * <p>Owned by a {@link B2bCall}; every method runs under the call's lock (the digit callbacks and
 * the hold timer come back through {@link B2bCall#locked}).
 */
final class InCallKeys {

    private static final Logger log = LoggerFactory.getLogger(InCallKeys.class);

    /** How long a lone {@code ##} waits for more digits before it means hold (GEN-06). */
    private static final long HOLD_AFTER_MS = 2_000;

    private final B2bua b2b;
    private final B2bCall call;
    private final CallTransfers transfers;

    InCallKeys(B2bua b2b, B2bCall call, CallTransfers transfers) {
        this.b2b = b2b;
        this.call = call;
        this.transfers = transfers;
    }

    /**
     * Listens to the codes of the call's users now that {@code by} answered: the called user's, and
     * the caller's unless the server placed this call itself (a consultation's keys belong to the
     * call it was started from).
     */
    void watch(Branch by) {
        BridgeMedia media = call.bridgeMedia();
        if (!media.anchored()) {
            return;
        }
        MediaAnchor anchor = media.anchor();
        B2bCall.Setup setup = call.setup();
        if (by.user != null) {
            watch(anchor, false, by.user, by.channel, by);
        }
        if (setup.callerUser() != null && !b2b.placed().isPlaced(call.callId())) {
            watch(anchor, true, setup.callerUser(), setup.callerChannel(), by);
        }
    }

    private void watch(MediaAnchor anchor, boolean caller, String user, String channel, Branch with) {
        InCallCodes codes = new InCallCodes();
        anchor.onDigit(caller, digit -> call.locked(() -> {
            if (call.state() == B2bCall.State.ANSWERED && call.winner() == with && call.bridgeMedia().anchor() == anchor
                    && call.transferorStayed()) {
                keyed(codes, caller, user, channel, digit);
            }
        }));
    }

    /** One key of a user: a consultation's key, or the next digit of a code (GEN-06/07). */
    private void keyed(InCallCodes codes, boolean caller, String user, String channel, char digit) {
        Consultation consultation = call.consultation();
        if (consultation != null && consultation.over()) {
            consultation = null;
            call.consultation(null);
        }
        if (consultation != null && consultation.userIsCaller() != caller) {
            return; // the held party's keys are no codes
        }
        if (consultation != null && consultation.keyed(digit)) {
            codes.reset();
            return;
        }
        InCallCodes.Code code = codes.keyed(digit);
        if (code instanceof InCallCodes.BlindTransfer t) {
            if (caller) {
                transfers.byCallerCode(t.destination());
            } else {
                transfers.byCode(call.winner(), t.destination());
            }
        } else if (code instanceof InCallCodes.Consultation k) {
            if (consultation == null) {
                consultation = Consultation.hold(b2b, call, caller, user, channel, call.bridgeMedia().anchor());
                call.consultation(consultation);
            }
            consultation.consult(k.destination());
        } else if (codes.onlyHashes() && consultation == null) {
            int mark = codes.keys();
            b2b.timer().schedule(() -> call.locked(() -> holdIfNothingFollows(codes, mark, caller, user, channel)),
                    HOLD_AFTER_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** {@code ##} and nothing after it: the other party is put on hold (GEN-06). */
    private void holdIfNothingFollows(InCallCodes codes, int mark, boolean caller, String user, String channel) {
        BridgeMedia media = call.bridgeMedia();
        if (codes.keys() == mark && codes.onlyHashes() && call.consultation() == null
                && call.state() == B2bCall.State.ANSWERED && media.anchored() && call.transferorStayed()) {
            codes.reset();
            call.consultation(Consultation.hold(b2b, call, caller, user, channel, media.anchor()));
        }
    }
}
