package org.reachpbx.server.sip.services;

import java.util.List;
import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.server.sip.media.HoldMusic;
import org.reachpbx.server.sip.media.MediaProperties;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's call to {@code 906} (+ the agent's extension): listen-in on the wire (LSN-01..04).
 * Asks for the extension when it was not dialled with the code, lets the service rules decide (the
 * listen-in right on the agent, PRV-06), then joins the agent's answered call in listen mode
 * ({@link ListenIn}: the agent alone hears that a supervisor listens, LSN-03) or, when the agent is
 * in no call, plays music on hold until the agent's next call is answered (LSN-02), and again after
 * each call, until the supervisor hangs up. The supervisor's keys go to the rules as well (LSN-04):
 * {@code 1} listen, {@code 2} consultation, {@code 3} the agent's other call.
 *
 * <p>Locks: the supervisor's call's lock may be held when the agent's call's is taken, never the
 * other way round; what the agent's call reports (answered, ended) comes here on a background thread.
 */
final class SupervisorListening implements MediaScript {

    private static final Logger log = LoggerFactory.getLogger(SupervisorListening.class);

    private final InCallServices services;
    private final CallsInProgress calls;
    private final String dialled;
    private ServedCall call;
    private String agent;
    private List<Prompt> music = List.of();
    /** The call listened to now, its mix, and the wait for the next call: at most one of the two. */
    private CallsInProgress.Listened listened;
    private ListenIn listenIn;
    private CallsInProgress.Waiting waiting;
    private boolean left;

    SupervisorListening(InCallServices services, CallsInProgress calls, String dialled) {
        this.services = services;
        this.calls = calls;
        this.dialled = dialled;
    }

    @Override
    public void start(ServedCall call) {
        this.call = call;
        if (dialled.length() > 3) {
            decide(dialled.substring(3));
            return;
        }
        MediaProperties props = call.services().properties();
        DigitSpec extension = new DigitSpec(6, '#', props.getFirstDigit(), props.getInterDigit(), true);
        call.ask(call.prompts().of("enter-extension"), extension, keyed -> {
            if (keyed.isEmpty()) {
                call.play(call.prompts().of("goodbye"), call::hangUp);
            } else {
                decide(keyed);
            }
        });
    }

    /** LSN-01: may this supervisor listen to {@code extension}, and is the agent in a call now (LSN-02)? */
    private void decide(String extension) {
        long tenant = call.leg().tenantId();
        String supervisor = call.leg().callerUser();
        call.background(() -> {
            ServiceDecision d = services.decide(call.leg().view(), ServiceRequests.listenIn(supervisor,
                    call.leg().callerChannel(), extension, null, calls.answeredCalls(tenant, extension)));
            music = HoldMusic.playlistOf(call.services(), tenant);
            return d;
        }, (ServiceDecision d) -> {
            if (d.outcome() != ServiceOutcome.ALLOWED || d.target() == null) {
                log.info("Call {}: listen-in by {} on {} refused: {}", call.leg().callId(), supervisor, extension,
                        d.reason());
                String announcement = d.announcement() == null ? "listen-in-not-allowed" : d.announcement();
                call.play(call.prompts().of(announcement, "goodbye"), call::hangUp);
                return;
            }
            agent = d.target();
            log.info("Call {}: {} listens to {} ({})", call.leg().callId(), supervisor, agent, d.continueWith());
            call.onKey(this::key);
            if (!"JOIN_NOW".equals(d.continueWith()) || !calls.listenIn(tenant, agent, null, this::offered)) {
                awaitNextCall();
            }
        });
    }

    /** LSN-02: music on hold until the agent's next call is answered. */
    private void awaitNextCall() {
        if (!music.isEmpty()) {
            call.loop(music);
        }
        waiting = calls.awaitNextCall(call.leg().tenantId(), agent, this::offered);
    }

    /** The agent's call is at the server for us (under that call's lock): come over to the supervisor's. */
    private void offered(CallsInProgress.Listened l) {
        call.services().background(() -> call.leg().locked(() -> join(l)));
    }

    /** Under the supervisor's lock: into the agent's call, in listen mode, the agent hearing the announcement. */
    private void join(CallsInProgress.Listened l) {
        if (left || call.over() || listened != null) {
            return; // the supervisor hung up, or listens to another call by now
        }
        waiting = null;
        call.media().stopPlaying();
        List<Prompt> announcement = call.prompts().of("listen-in-announcement");
        boolean joined = l.whileBridged(() -> listenIn = ListenIn.start(call.services().engine(), l.other(), l.agent(),
                call.media(), announcement));
        if (!joined) {
            awaitNextCall(); // ended before we came
            return;
        }
        listened = l;
        log.info("Call {}: listening in on call {}", call.leg().callId(), l.callId());
        ListenIn mine = listenIn;
        l.whenOver(() -> {
            mine.end(); // at once, before the agent's call hands its sessions on (a transfer)
            call.services().background(() -> call.leg().locked(() -> callOver(l)));
        });
    }

    /** The agent's call ended (or was transferred away): back to music for the next one (LSN-02). */
    private void callOver(CallsInProgress.Listened l) {
        if (listened != l || left || call.over()) {
            return;
        }
        listened = null;
        listenIn = null;
        awaitNextCall();
    }

    /** LSN-04: the supervisor's keys, decided by the rules like the request itself. */
    private void key(char key) {
        if (key < '1' || key > '3' || agent == null) {
            return;
        }
        long tenant = call.leg().tenantId();
        String supervisor = call.leg().callerUser();
        call.background(() -> services.decide(call.leg().view(), ServiceRequests.listenIn(supervisor,
                call.leg().callerChannel(), agent, key - '0', calls.answeredCalls(tenant, agent))), (ServiceDecision d) -> {
            if (d.outcome() != ServiceOutcome.ALLOWED || listenIn == null) {
                return;
            }
            switch (d.mode() == null ? "" : d.mode()) {
                case "LISTEN" -> listenIn.key('1');
                case "CONSULTATION" -> listenIn.key('2');
                case "SWITCH_CALL" -> switchCall();
                default -> log.debug("Call {}: listen-in key {} does nothing", call.leg().callId(), key);
            }
        });
    }

    /** LSN-04 key 3: to the agent's other call, if there is one; else the supervisor stays. */
    private void switchCall() {
        CallsInProgress.Listened from = listened;
        String fromCall = from == null ? null : from.callId();
        if (calls.answeredCalls(call.leg().tenantId(), agent) < 2) {
            return;
        }
        leave();
        if (!calls.listenIn(call.leg().tenantId(), agent, fromCall, this::offered)) {
            awaitNextCall();
        }
    }

    /** Out of the current call: the caller and agent talk through their bridge again. */
    private void leave() {
        CallsInProgress.Listened l = listened;
        ListenIn mix = listenIn;
        listened = null;
        listenIn = null;
        if (l != null && mix != null && !l.whileBridged(mix::close)) {
            mix.end();
        }
    }

    @Override
    public boolean callerHungUp(ServedCall call) {
        left = true;
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
        }
        leave();
        return false;
    }
}
