package org.reachpbx.rules.queue;

import java.time.Instant;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;
import org.reachpbx.rules.queue.QueueDecision.AgentOffer;
import org.reachpbx.rules.queue.QueueState.Agent;
import org.reachpbx.rules.queue.QueueState.OtherQueueCall;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.view.ForwardView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.ExtensionType;

/** One agent of the queue in this decision: its live state, its member rank and whether it is available (QUE-08). */
@ClassReactive
public final class AgentCandidate {
    private final ExtensionView extension;
    private final boolean member;
    private final int rank;
    private final boolean inWrapUp;
    private final boolean emergencyQueueWaiting;
    private final boolean heavierQueueWaiting;
    private final boolean olderEqualQueueWaiting;
    private Agent agent;
    private String reason;
    private boolean available;
    private boolean listedInactive;
    private boolean noted;
    private boolean becameMember;

    AgentCandidate(ExtensionView extension, Agent agent, int rank, QueueView queue, Instant headJoinedAt, Instant now) {
        this.extension = extension;
        this.agent = agent;
        this.rank = rank;
        this.member = rank > 0;
        // An open queue's user who logged in with 903 became a member then (QUE-10).
        this.becameMember = rank == 0 && agent.loggedIn();
        this.inWrapUp = agent.lastCallEndedAt() != null
                && agent.lastCallEndedAt().plusSeconds(queue.wrapUpTime()).isAfter(now);
        boolean emergency = false;
        boolean heavier = false;
        boolean older = false;
        for (OtherQueueCall o : agent.otherQueues()) {
            if (o.emergency() && !queue.emergency()) {
                emergency = true;
            } else if (o.emergency() == queue.emergency() && o.weight() > queue.weight()) {
                heavier = true;
            } else if (o.emergency() == queue.emergency() && o.weight() == queue.weight() && headJoinedAt != null
                    && o.oldestJoinedAt() != null && o.oldestJoinedAt().isBefore(headJoinedAt)) {
                older = true;
            }
        }
        this.emergencyQueueWaiting = emergency;
        this.heavierQueueWaiting = heavier;
        this.olderEqualQueueWaiting = older;
    }

    public String getExtension() { return agent.extension(); }
    public Agent getAgent() { return agent; }
    public boolean isMember() { return member || becameMember; }
    public int getRank() { return rank; }
    public boolean isUser() { return extension instanceof UserView; }
    public boolean isForward() { return extension instanceof ForwardView; }
    public boolean isLoggedIn() { return agent.loggedIn(); }
    public int getCalls() { return agent.calls(); }
    public boolean isRinging() { return agent.queueCallRinging(); }
    public boolean isReachable() { return agent.reachable(); }
    public boolean isInWrapUp() { return inWrapUp; }
    public boolean isEmergencyQueueWaiting() { return emergencyQueueWaiting; }
    public boolean isHeavierQueueWaiting() { return heavierQueueWaiting; }
    public boolean isOlderEqualQueueWaiting() { return olderEqualQueueWaiting; }
    public String getReason() { return reason; }
    public boolean isAvailable() { return available; }
    public boolean isListedInactive() { return listedInactive; }
    public boolean isNoted() { return noted; }

    /** Not available for this offer, and why. */
    public void markUnavailable(String why) { this.reason = why; }
    public void markAvailable() { this.available = true; }
    public void markListedInactive() { this.listedInactive = true; }
    public void markNoted() { this.noted = true; }

    /** 903: logged in; on an open queue a non-member becomes a member (QUE-10). */
    public void logIn() {
        this.agent = new Agent(agent.extension(), true, agent.calls(), agent.queueCallRinging(), agent.lastCallEndedAt(),
                agent.lastOfferedAt(), 0, 0, agent.reachable(), agent.otherQueues());
        this.becameMember = !member;
    }

    /** 904: inactive; the statistics since login reset, membership and rank are kept (QUE-11, QUE-19). */
    public void logOut() {
        this.agent = new Agent(agent.extension(), false, agent.calls(), agent.queueCallRinging(), agent.lastCallEndedAt(),
                agent.lastOfferedAt(), 0, 0, agent.reachable(), agent.otherQueues());
    }

    /** This agent's leg of an offer. */
    AgentOffer offer(QueueView queue) {
        if (extension instanceof ForwardView f) {
            return new AgentOffer(f.number(), ExtensionType.FORWARD, f.destination(), false, null);
        }
        UserView u = (UserView) extension;
        if (queue.individualForwarding()) {
            String always = u.reach() == null || u.reach().defaultProfile() == null ? null
                    : u.reach().defaultProfile().forwardAlways();
            return new AgentOffer(u.number(), ExtensionType.USER, u.number(), true,
                    always == null || always.isBlank() ? null : always);
        }
        return new AgentOffer(u.number(), ExtensionType.USER, u.number(), false, null);
    }

    static List<Agent> agents(List<AgentCandidate> candidates) {
        return candidates.stream().map(AgentCandidate::getAgent).toList();
    }
}
