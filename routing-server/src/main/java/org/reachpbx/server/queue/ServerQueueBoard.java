package org.reachpbx.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.queue.QueueState;
import org.reachpbx.rules.queue.QueueView;
import org.reachpbx.rules.view.MediaExtensionView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.reachpbx.ui.queues.QueueBoard;

/** The admin UI's wallboard reads the queues' live state here. */
public class ServerQueueBoard implements QueueBoard {

    private final QueueLiveState live;
    private final TenantViewCache views;
    private final Clock clock;

    public ServerQueueBoard(QueueLiveState live, TenantViewCache views, Clock clock) {
        this.live = live;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public List<QueueNow> queues(long tenantId) {
        TenantView view = views.byId(tenantId).orElse(null);
        if (view == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<QueueNow> out = new ArrayList<>();
        for (var e : view.extensions().values()) {
            if (e instanceof MediaExtensionView m && m.type() == ExtensionType.QUEUE) {
                QueueView q = QueueView.from(m);
                QueueKey key = new QueueKey(tenantId, q.number());
                List<Long> waiting = live.waiting(key).stream()
                        .map(w -> Math.max(0, Duration.between(w.joinedAt(), now).toSeconds())).toList();
                Set<String> agents = new LinkedHashSet<>(q.members());
                agents.addAll(live.loggedIn(key));
                List<Agent> states = new ArrayList<>();
                for (String a : agents) {
                    states.add(new Agent(a, state(live.agent(key, a), q, now)));
                }
                out.add(new QueueNow(q.number(), q.name(), waiting, states));
            }
        }
        out.sort(Comparator.comparing(QueueNow::number));
        return out;
    }

    static AgentState state(QueueState.Agent a, QueueView q, Instant now) {
        if (!a.loggedIn()) {
            return AgentState.LOGGED_OUT;
        }
        if (a.queueCallRinging()) {
            return AgentState.RINGING;
        }
        if (a.calls() > 0) {
            return AgentState.IN_CALL;
        }
        if (a.lastCallEndedAt() != null && a.lastCallEndedAt().plusSeconds(q.wrapUpTime()).isAfter(now)) {
            return AgentState.WRAP_UP;
        }
        return AgentState.AVAILABLE;
    }
}
