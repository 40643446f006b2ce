package org.reachpbx.rules.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;
import org.reachpbx.rules.queue.QueueDecision.Admission;
import org.reachpbx.rules.queue.QueueState.Caller;

/** A caller in this decision: the arriving one (until admitted) or one already waiting. */
@ClassReactive
public final class WaitingCaller {
    private final Caller caller;
    private final boolean arriving;
    private final Instant joinedAt;
    private final boolean maxWaitExpired;
    private final List<String> tried;
    private Admission admission;
    private String redirect;
    private String held;
    private boolean introDecided;
    private boolean exitIgnored;
    private boolean forwardPending;
    private boolean triedNoted;
    private boolean cycleRestarted;

    WaitingCaller(Caller caller, boolean arriving, Instant now, QueueView queue) {
        this.caller = caller;
        this.arriving = arriving;
        this.joinedAt = arriving || caller.joinedAt() == null ? now : caller.joinedAt();
        this.maxWaitExpired = !arriving && queue.maxWaitTimeout() != null && queue.maxWaitDestination() != null
                && !joinedAt.plusSeconds(queue.maxWaitTimeout()).isAfter(now);
        this.tried = new ArrayList<>(caller.triedAgents());
    }

    public String getId() { return caller.id(); }
    public boolean isArriving() { return arriving; }
    public Instant getJoinedAt() { return joinedAt; }
    public boolean isIntroPlaying() { return caller.introPlaying(); }
    public boolean isInfotainmentPlaying() { return caller.infotainmentPlaying(); }
    public boolean isKeyedExit() { return "1".equals(caller.keyed()); }
    public boolean isMaxWaitExpired() { return maxWaitExpired; }
    public List<String> getTried() { return tried; }
    public boolean isTriedAny() { return !tried.isEmpty(); }
    public Admission getAdmission() { return admission; }
    public boolean isAdmitted() { return admission != null; }
    public boolean isJoined() { return admission == Admission.JOIN; }
    public String getRedirect() { return redirect; }
    public String getHeld() { return held; }
    public boolean isIntroDecided() { return introDecided; }
    public boolean isExitIgnored() { return exitIgnored; }
    public boolean isForwardPending() { return forwardPending; }
    public boolean isTriedNoted() { return triedNoted; }
    public boolean isCycleRestarted() { return cycleRestarted; }

    /** In the queue and may be offered to an agent now. */
    public boolean isOfferable() {
        return (!arriving || admission == Admission.JOIN) && redirect == null && held == null;
    }

    public void admit(Admission a) { this.admission = a; }
    public void redirectTo(String destination) { this.redirect = destination; }
    public void hold(String why) { this.held = why; }
    public void markIntroDecided() { this.introDecided = true; }
    public void markExitIgnored() { this.exitIgnored = true; }
    public void markForwardPending() { this.forwardPending = true; }
    public void markTriedNoted() { this.triedNoted = true; }

    /** Every available agent was tried: the cycle starts again (QUE-14). */
    public void restartCycle() {
        this.tried.clear();
        this.cycleRestarted = true;
    }
}
