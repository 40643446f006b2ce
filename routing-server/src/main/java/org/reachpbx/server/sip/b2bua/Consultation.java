package org.reachpbx.server.sip.b2bua;

import java.util.List;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.relay.Mixer;
import org.reachpbx.server.sip.media.HoldMusic;
import org.reachpbx.server.sip.media.MediaAnchor;
import org.reachpbx.server.sip.media.MediaServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user of an answered, anchored call working with the DTMF codes of GEN-06 once the other party
 * is on hold: {@code ##} holds, {@code *#} takes the held party back, {@code ##<dest>#} calls the
 * destination while the other party hears music (a {@link PlacedCall}, decided by the rules as any
 * call of the user). During that consultation:
 * <ul>
 *   <li>{@code 1} hangs the consultation up; the other party stays on hold (A34: {@code 1} keeps the hold);</li>
 *   <li>{@code 2} switches between the two (the one not spoken to hears music);</li>
 *   <li>{@code 3} makes it a three-way call (a {@link Mixer} of the three sessions);</li>
 *   <li>{@code *#} hangs the consultation up and reconnects the held party;</li>
 *   <li>the user hanging up connects the held party and the consulted one (GEN-05, A32); when the
 *       consultation still rings, the held party hears the ringback and is connected at the answer.</li>
 * </ul>
 * The consulted party hanging up, or not answering, brings the user back to the held party; the held
 * party hanging up leaves the user with the consulted one.
 *
 * <p>Owned by the call ({@link B2bCall}); every method runs under its lock.
 */
final class Consultation implements PlacedCall.Party {

    private static final Logger log = LoggerFactory.getLogger(Consultation.class);

    /** A placed call that ended after its answer (hung up by the far end) ends with this status. */
    private static final int Response_OK = 200;

    enum State {
        /** The other party hears music; the user may key {@code *#} or a new {@code ##<dest>#}. */
        HELD,
        /** The consultation rings; the user hears the ringback. */
        CALLING,
        /** The user talks to the consulted party. */
        TALKING,
        /** The user talks to the held party again; the consulted party hears music ({@code 2}). */
        SWITCHED,
        /** The three talk together ({@code 3}). */
        THREE_WAY,
        /** The user hung up: the held and the consulted party are (or, at the answer, will be) connected. */
        HANDED_OVER,
        /** The held party hung up: the user stays with the consulted one. */
        OTHER_LEFT,
        /** Back to the plain two-party call, or the call ended. */
        OVER
    }

    private final B2bua b2b;
    private final B2bCall call;
    private final boolean userIsCaller;
    private final String user;
    private final String channel;
    private final MediaAnchor anchor;
    private final MediaSession userSide;
    private final MediaSession otherSide;
    private State state = State.HELD;
    private PlacedCall placed;
    private Mixer mixer;
    /** {@code *} was keyed during a consultation: a {@code #} now makes {@code *#}. */
    private boolean star;
    /** GEN-04, the caller's blind transfer: whom the handed-over party is put through to when the target is not reached. */
    private ReturnCall back;

    /** A call back to the transferring user, placed as a call of {@code user} on {@code channel}. */
    record ReturnCall(String user, String channel, String dialled) {
    }

    private Consultation(B2bua b2b, B2bCall call, boolean userIsCaller, String user, String channel,
                         MediaAnchor anchor) {
        this.b2b = b2b;
        this.call = call;
        this.userIsCaller = userIsCaller;
        this.user = user;
        this.channel = channel;
        this.anchor = anchor;
        this.userSide = anchor.side(userIsCaller);
        this.otherSide = anchor.side(!userIsCaller);
    }

    /** {@code ##} or the start of {@code ##<dest>#}: the other party goes on hold and hears the account's music. */
    static Consultation hold(B2bua b2b, B2bCall call, boolean userIsCaller, String user, String channel,
                             MediaAnchor anchor) {
        Consultation c = new Consultation(b2b, call, userIsCaller, user, channel, anchor);
        c.pauseBridge();
        c.music(c.otherSide);
        log.info("Call {}: {} put the other party on hold by code", call.callId(), user);
        return c;
    }

    boolean userIsCaller() {
        return userIsCaller;
    }

    boolean over() {
        return state == State.OVER;
    }

    /** Whether the user is not in a consultation (only holding): the ordinary {@code ##} codes apply. */
    boolean holding() {
        return state == State.HELD;
    }

    /** {@code ##<dest>#}: the user calls the destination while the other party stays on hold. */
    void consult(String destination) {
        if (state != State.HELD) {
            return;
        }
        placed = PlacedCall.dial(b2b, call, this, user, channel, destination);
        if (placed == null) {
            takeBack();
            return;
        }
        state = State.CALLING;
    }

    /**
     * A key of the user while holding or consulting; true when it was a consultation key (the
     * ordinary code reader then forgets it).
     */
    boolean keyed(char digit) {
        if (state == State.HELD) {
            if (digit == '*') {
                star = true;
                return false;
            }
            if (digit == '#' && star) {
                star = false;
                takeBack();
                return true;
            }
            star = false;
            return false;
        }
        if (state != State.CALLING && state != State.TALKING && state != State.SWITCHED && state != State.THREE_WAY) {
            return false;
        }
        if (star) {
            star = false;
            if (digit == '#') {
                takeBack();
                return true;
            }
        }
        switch (digit) {
            case '*' -> star = true;
            case '1' -> endConsultation();
            case '2' -> switchParties();
            case '3' -> threeWay();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code 1}: the consultation ends; the other party stays on hold with its music. */
    private void endConsultation() {
        hangUpPlaced();
        leaveMixer();
        userSide.stopPlaying();
        userSide.bridge(null);
        music(otherSide);
        state = State.HELD;
        log.info("Call {}: {} ended the consultation; the other party stays on hold", call.callId(), user);
    }

    /** {@code 2}: talk to the other one; whoever is not spoken to hears music. */
    private void switchParties() {
        if (state == State.TALKING || state == State.THREE_WAY) {
            leaveMixer();
            otherSide.stopPlaying();
            userSide.bridge(otherSide);
            music(placed.session());
            state = State.SWITCHED;
        } else if (state == State.SWITCHED) {
            placed.session().stopPlaying();
            userSide.bridge(placed.session());
            music(otherSide);
            state = State.TALKING;
        }
    }

    /** {@code 3}: all three talk together. */
    private void threeWay() {
        if (state != State.TALKING && state != State.SWITCHED) {
            return;
        }
        otherSide.stopPlaying();
        placed.session().stopPlaying();
        userSide.bridge(null);
        mixer = b2b.media().engine().newMixer();
        mixer.add(userSide, Mixer.Role.SPEAK_AND_LISTEN);
        mixer.add(otherSide, Mixer.Role.SPEAK_AND_LISTEN);
        mixer.add(placed.session(), Mixer.Role.SPEAK_AND_LISTEN);
        state = State.THREE_WAY;
        log.info("Call {}: {} made a three-way call", call.callId(), user);
    }

    /** {@code *#} (or a consultation that failed): the consultation ends, the user talks to the held party again. */
    private void takeBack() {
        hangUpPlaced();
        leaveMixer();
        userSide.stopPlaying();
        otherSide.stopPlaying();
        anchor.resume();
        state = State.OVER;
        log.info("Call {}: {} took the held party back", call.callId(), user);
    }

    /**
     * The user hung up (its BYE is answered already). During a consultation the held and the consulted
     * party are connected (GEN-05) and true is returned: the call goes on without the user. While
     * only holding, false: the call ends as usual.
     */
    boolean userHungUp(javax.sip.Dialog userDialog) {
        if (placed == null || state == State.HELD || state == State.OVER) {
            return false;
        }
        if (call.leaveForTransfer(userDialog, c -> { }) == null) {
            return false;
        }
        leaveMixer();
        otherSide.stopPlaying();
        placed.session().stopPlaying();
        if (placed.talking()) {
            otherSide.bridge(placed.session());
        } else {
            otherSide.play(b2b.media().ringback(), true, () -> { });
        }
        state = State.HANDED_OVER;
        log.info("Call {}: {} hung up; the held party is connected to the consultation", call.callId(), user);
        return true;
    }

    /**
     * GEN-04 for a blind transfer by the caller: when the target is not reached (refused, busy, or
     * still ringing when {@link #returnNow} comes), the handed-over party is put through to {@code
     * back} instead of released, once.
     */
    void returnIfNotReached(ReturnCall back) {
        this.back = back;
    }

    /** The transfer-return time is over and the target still rings: it stops ringing and the call returns. */
    void returnNow() {
        if (state == State.HANDED_OVER && placed != null && !placed.talking() && back != null) {
            PlacedCall ringing = placed;
            placed = null;
            ringing.hangUp();
            callBack();
        }
    }

    /** Places the return call; false when there is none to place or it could not be placed. */
    private boolean callBack() {
        ReturnCall r = back;
        back = null;
        if (r == null) {
            return false;
        }
        placed = PlacedCall.dial(b2b, call, this, r.user(), r.channel(), r.dialled());
        if (placed == null) {
            return false;
        }
        otherSide.play(b2b.media().ringback(), true, () -> { });
        log.info("Call {}: the transfer was not answered; it returns to {}", call.callId(), r.dialled());
        return true;
    }

    /** The held party hung up: during a consultation the user stays with the consulted party (true). */
    boolean otherHungUp(javax.sip.Dialog otherDialog) {
        if (placed == null || state == State.HELD || state == State.OVER) {
            return false;
        }
        if (call.leaveForTransfer(otherDialog, c -> { }) == null) {
            return false;
        }
        leaveMixer();
        placed.session().stopPlaying();
        if (placed.talking()) {
            userSide.bridge(placed.session());
        }
        state = State.OTHER_LEFT;
        return true;
    }

    /** The call ended (either remaining party hung up, or the server ended it): the consultation goes too. */
    void callEnded() {
        hangUpPlaced();
        leaveMixer();
        state = State.OVER;
    }

    // ---- the placed call ----

    @Override
    public void ringing(PlacedCall call) {
        if (call == placed && state == State.CALLING) {
            userSide.play(b2b.media().ringback(), true, () -> { });
        }
    }

    @Override
    public void answered(PlacedCall call) {
        if (call != placed) {
            return;
        }
        if (state == State.CALLING) {
            userSide.stopPlaying();
            userSide.bridge(placed.session());
            state = State.TALKING;
        } else if (state == State.HANDED_OVER) {
            otherSide.stopPlaying();
            otherSide.bridge(placed.session());
        } else if (state == State.OTHER_LEFT) {
            userSide.stopPlaying();
            userSide.bridge(placed.session());
        }
    }

    @Override
    public void ended(PlacedCall ended, int status) {
        if (ended != placed) {
            return;
        }
        placed = null;
        log.info("Call {}: the consultation of {} ended ({})", call.callId(), user, status);
        if (state == State.HANDED_OVER && status != Response_OK && callBack()) {
            return;
        }
        switch (state) {
            case HANDED_OVER, OTHER_LEFT -> {
                leaveMixer();
                state = State.OVER;
                call.hangUpAfterTransfer();
            }
            case CALLING, TALKING, SWITCHED, THREE_WAY -> takeBack();
            default -> { }
        }
    }

    // ---- media ----

    /** The two parties of the call stop hearing each other (the anchor keeps both sessions; a listen-in ends). */
    private void pauseBridge() {
        anchor.pause();
    }

    private void music(MediaSession to) {
        MediaServices media = b2b.media();
        long tenant = call.tenantId();
        media.background(() -> {
            List<Prompt> playlist = HoldMusic.playlistOf(media, tenant);
            call.locked(() -> {
                if (!playlist.isEmpty() && state != State.OVER && isOnHold(to)) {
                    to.play(playlist, true, () -> { });
                }
            });
        });
    }

    /** Whether {@code session} is (still) the one that should hear music now. */
    private boolean isOnHold(MediaSession session) {
        return switch (state) {
            case HELD, CALLING, TALKING -> session == otherSide;
            case SWITCHED -> placed != null && session == placed.session();
            default -> false;
        };
    }

    private void hangUpPlaced() {
        if (placed != null) {
            PlacedCall p = placed;
            placed = null;
            p.hangUp();
        }
    }

    private void leaveMixer() {
        if (mixer != null) {
            mixer.close();
            mixer = null;
        }
    }
}
