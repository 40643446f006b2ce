package org.reachpbx.server.sip.media.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.reachpbx.rules.queue.QueueState;
import org.reachpbx.rules.queue.QueueView;
import org.reachpbx.rules.view.ForwardView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.queue.QueueLiveState;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.reachpbx.server.queue.QueueLiveState.Waiting;

/**
 * The agents as {@code QueueEngine} must see them, from what the server knows now: the queue's live
 * state (logged in, ringing, queue calls, wrap-up, statistics since login), every call the user has
 * up, not only queue calls (an agent in an ordinary call is not available, or under "second call to
 * agents" is with one call: QUE-08, QUE-33), and the calls waiting for the agent in the other queues
 * they are logged in to, with those queues' weights (QUE-24, QUE-25). The engine weighs; this only
 * gathers.
 */
final class AgentStates {

    /** How many calls a user has up now, whatever kind (0 when unknown). */
    interface UserCalls {
        UserCalls NONE = (tenantId, user) -> 0;

        int of(long tenantId, String user);
    }

    private final QueueLiveState live;
    private final UserCalls userCalls;
    private final Function<QueueKey, QueueView> queues;

    AgentStates(QueueLiveState live, UserCalls userCalls, Function<QueueKey, QueueView> queues) {
        this.live = live;
        this.userCalls = userCalls;
        this.queues = queues;
    }

    /**
     * {@code agent} in queue {@code key}. A forward extension that is a member counts as logged in:
     * it has no phone to dial 903 from, and its queue calls are counted like a user's (QUE-38, FWD-02).
     */
    QueueState.Agent of(QueueKey key, TenantView view, String agent) {
        if (view != null && view.extension(agent) instanceof ForwardView && !live.loggedIn(key).contains(agent)) {
            live.login(key, agent);
        }
        QueueState.Agent a = live.agent(key, agent);
        if (!a.loggedIn()) {
            return a;
        }
        int calls = Math.max(a.calls(), userCalls.of(key.tenantId(), agent));
        return new QueueState.Agent(a.extension(), true, calls, a.queueCallRinging(), a.lastCallEndedAt(),
                a.lastOfferedAt(), a.answeredCalls(), a.talkTimeSeconds(), a.reachable(), otherQueues(key, agent));
    }

    /** The longest-waiting offerable call of each other queue of the tenant the agent is logged in to. */
    private List<QueueState.OtherQueueCall> otherQueues(QueueKey key, String agent) {
        List<QueueState.OtherQueueCall> out = new ArrayList<>();
        for (QueueKey other : live.busyQueues()) {
            if (other.equals(key) || other.tenantId() != key.tenantId() || !live.loggedIn(other).contains(agent)) {
                continue;
            }
            QueueView q = queues.apply(other);
            Instant oldest = live.waiting(other).stream().filter(w -> !w.offered() && !w.introPlaying())
                    .map(Waiting::joinedAt).min(Instant::compareTo).orElse(null);
            if (q != null && oldest != null) {
                out.add(new QueueState.OtherQueueCall(q.number(), q.weight(), q.emergency(), oldest));
            }
        }
        return out;
    }
}
