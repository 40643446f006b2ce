package org.reachpbx.server.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.rules.queue.QueueState;

/** {@link QueueLiveState} in this server's memory: enough for one server; lost on restart. */
public class InMemoryQueueLiveState implements QueueLiveState {

    private record AgentKey(long tenantId, String agent) {
    }

    /** What a person does now, whatever queue: calls ringing, calls up, end of the last queue call. */
    private static final class Activity {
        int ringing;
        int calls;
        Instant lastCallEndedAt;
    }

    /** An agent's statistics in one queue since login (QUE-17..20). */
    private static final class Since {
        Instant lastOfferedAt;
        int answered;
        long talkSeconds;
    }

    private static final class Live {
        final Map<String, Waiting> waiting = new LinkedHashMap<>();
        final Set<String> loggedIn = new LinkedHashSet<>();
        final Map<String, Since> since = new HashMap<>();
        String lastOffered;
    }

    private final Map<QueueKey, Live> queues = new HashMap<>();
    private final Map<AgentKey, Activity> agents = new HashMap<>();

    private Live live(QueueKey q) {
        return queues.computeIfAbsent(q, k -> new Live());
    }

    private Activity activity(long tenantId, String agent) {
        return agents.computeIfAbsent(new AgentKey(tenantId, agent), k -> new Activity());
    }

    @Override
    public synchronized void join(QueueKey queue, String callId, Instant at, boolean introPlaying) {
        live(queue).waiting.put(callId, new Waiting(callId, at, introPlaying, false, List.of()));
    }

    @Override
    public synchronized void introEnded(QueueKey queue, String callId) {
        live(queue).waiting.computeIfPresent(callId,
                (k, w) -> new Waiting(w.callId(), w.joinedAt(), false, w.offered(), w.tried()));
    }

    @Override
    public synchronized void offered(QueueKey queue, String callId, boolean offered) {
        live(queue).waiting.computeIfPresent(callId,
                (k, w) -> new Waiting(w.callId(), w.joinedAt(), w.introPlaying(), offered, w.tried()));
    }

    @Override
    public synchronized void tried(QueueKey queue, String callId, String agent) {
        live(queue).waiting.computeIfPresent(callId, (k, w) -> {
            List<String> tried = new ArrayList<>(w.tried());
            tried.add(agent);
            return new Waiting(w.callId(), w.joinedAt(), w.introPlaying(), w.offered(), tried);
        });
    }

    @Override
    public synchronized boolean leave(QueueKey queue, String callId) {
        return live(queue).waiting.remove(callId) != null;
    }

    @Override
    public synchronized List<Waiting> waiting(QueueKey queue) {
        List<Waiting> out = new ArrayList<>(live(queue).waiting.values());
        out.sort(Comparator.comparing(Waiting::joinedAt));
        return out;
    }

    @Override
    public synchronized Set<QueueKey> busyQueues() {
        Set<QueueKey> out = new HashSet<>();
        queues.forEach((k, v) -> {
            if (!v.waiting.isEmpty()) {
                out.add(k);
            }
        });
        return out;
    }

    @Override
    public synchronized void login(QueueKey queue, String agent) {
        live(queue).loggedIn.add(agent);
    }

    @Override
    public synchronized void logout(QueueKey queue, String agent) {
        live(queue).loggedIn.remove(agent);
        live(queue).since.remove(agent);
    }

    @Override
    public synchronized Set<String> loggedIn(QueueKey queue) {
        return Set.copyOf(live(queue).loggedIn);
    }

    @Override
    public synchronized void ringing(long tenantId, String agent, boolean ringing) {
        Activity a = activity(tenantId, agent);
        a.ringing = Math.max(0, a.ringing + (ringing ? 1 : -1));
    }

    @Override
    public synchronized void offeredTo(QueueKey queue, String agent, Instant at) {
        Live l = live(queue);
        l.since.computeIfAbsent(agent, k -> new Since()).lastOfferedAt = at;
        l.lastOffered = agent;
    }

    @Override
    public synchronized void callStarted(QueueKey queue, String agent) {
        activity(queue.tenantId(), agent).calls++;
        live(queue).since.computeIfAbsent(agent, k -> new Since()).answered++;
    }

    @Override
    public synchronized void callEnded(QueueKey queue, String agent, Instant at, long talkSeconds) {
        Activity a = activity(queue.tenantId(), agent);
        a.calls = Math.max(0, a.calls - 1);
        a.lastCallEndedAt = at;
        live(queue).since.computeIfAbsent(agent, k -> new Since()).talkSeconds += talkSeconds;
    }

    @Override
    public synchronized QueueState.Agent agent(QueueKey queue, String agent) {
        Live l = live(queue);
        if (!l.loggedIn.contains(agent)) {
            return QueueState.Agent.loggedOut(agent);
        }
        Activity a = activity(queue.tenantId(), agent);
        Since s = l.since.getOrDefault(agent, new Since());
        return new QueueState.Agent(agent, true, a.calls, a.ringing > 0, a.lastCallEndedAt, s.lastOfferedAt,
                s.answered, s.talkSeconds, true, List.of());
    }

    @Override
    public synchronized String lastOffered(QueueKey queue) {
        return live(queue).lastOffered;
    }
}
