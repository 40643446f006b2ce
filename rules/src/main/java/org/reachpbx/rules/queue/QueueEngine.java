package org.reachpbx.rules.queue;

import org.reachpbx.rules.support.RuleSessions;


import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reachpbx.rules.queue.QueueState.Agent;
import org.reachpbx.rules.queue.QueueState.Caller;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.view.ForwardView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;

/**
 * The queue (ACD) brain: {@code decide(state, queue, tenant, clock)} runs the queue rules (DRL rule
 * unit {@link QueueUnit}, compiled at build time) over one queue's live state and returns what to
 * do now, with the rules that fired. Thread-safe: one rule-unit instance per thread, emptied after
 * every decision, as in the routing engine.
 */
public final class QueueEngine {
    private final RuleSessions<QueueUnit> sessions = new RuleSessions<>(QueueUnit::new, QueueUnit::clear);

    public QueueDecision decide(QueueState state, QueueView queue, TenantView tenant, Clock clock) {
        Instant now = state.now() != null ? state.now() : clock.instant();
        return sessions.decide(session -> {
            QueueRun run = new QueueRun(queue, state, tenant, now, session.trace());
            load(session.data(), run);
            session.fire();
            return run.decision(session.trace().fired());
        });
    }

    /** The facts: the run, one candidate per member (rank order) and per other agent, the callers, 903/904. */
    private static void load(QueueUnit data, QueueRun run) {
        QueueView queue = run.getQueue();
        QueueState state = run.getState();
        Instant now = run.getNow();
        Instant head = state.waiting().stream().map(Caller::joinedAt).filter(t -> t != null).min(Instant::compareTo)
                .orElse(now);
        Map<String, Agent> live = new LinkedHashMap<>();
        for (Agent a : state.agents()) {
            live.put(a.extension(), a);
        }
        for (String m : queue.members()) {
            ExtensionView e = run.getTenant().extension(m);
            if (e instanceof UserView || e instanceof ForwardView) {
                Agent a = live.remove(m);
                add(data, run, new AgentCandidate(e, a != null ? a : Agent.loggedOut(m), queue.rank(m), queue, head, now));
            }
        }
        for (String extra : extras(state, live, queue)) {
            ExtensionView e = run.getTenant().extension(extra);
            if (e instanceof UserView) {
                Agent a = live.get(extra);
                add(data, run, new AgentCandidate(e, a != null ? a : Agent.loggedOut(extra), 0, queue, head, now));
            }
        }
        data.getQueues().add(run);
        for (Caller c : state.waiting()) {
            WaitingCaller w = new WaitingCaller(c, false, now, queue);
            run.callers().add(w);
            data.getCallers().add(w);
        }
        if (state.arriving() != null) {
            WaitingCaller w = new WaitingCaller(state.arriving(), true, now, queue);
            run.callers().add(w);
            data.getCallers().add(w);
        }
        if (state.login() != null) {
            data.getRequests().add(new LoginRequest(state.login(), true));
        }
        if (state.logout() != null) {
            data.getRequests().add(new LoginRequest(state.logout(), false));
        }
    }

    /** Agents that are not configured members: open-queue agents logged in with 903, and whoever dials 903/904 now. */
    private static Iterable<String> extras(QueueState state, Map<String, Agent> live, QueueView queue) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(live.keySet());
        if (state.login() != null && queue.rank(state.login()) == 0) {
            out.add(state.login());
        }
        if (state.logout() != null && queue.rank(state.logout()) == 0) {
            out.add(state.logout());
        }
        return out;
    }

    private static void add(QueueUnit data, QueueRun run, AgentCandidate a) {
        run.candidates().add(a);
        data.getAgents().add(a);
    }
}
