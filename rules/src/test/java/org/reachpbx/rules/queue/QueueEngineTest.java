package org.reachpbx.rules.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.queue.QueueDecision.Admission;
import org.reachpbx.rules.queue.QueueState.Agent;
import org.reachpbx.rules.queue.QueueState.Caller;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.view.ForwardView;
import org.reachpbx.rules.view.MediaExtensionView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.ForwardCallerId;

/** The engine without the directory: a hand-made tenant, reused sessions, many members. */
class QueueEngineTest {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final QueueEngine ENGINE = new QueueEngine();

    static UserView user(String n) {
        return new UserView(n, "User " + n, "020", false, false, null, List.of(), List.of(), null);
    }

    static TenantView tenant(int users) {
        Map<String, ExtensionView> ext = new java.util.HashMap<>();
        for (int i = 1; i <= users; i++) {
            ext.put(String.valueOf(200 + i), user(String.valueOf(200 + i)));
        }
        ext.put("570", new ForwardView("570", "Extern", "0612345678", ForwardCallerId.ORIGINAL_CALLER, null));
        return new TenantView(1, "t", 3, ZoneId.of("Europe/Amsterdam"), null, 3, Set.of(), false, List.of(), ext,
                Map.of(), Map.of(), Map.of(), Map.of());
    }

    static QueueView queue(Map<String, String> settings) {
        return QueueView.from(new MediaExtensionView("400", "Q", ExtensionType.QUEUE, settings));
    }

    static QueueState state(List<Caller> waiting, List<Agent> agents) {
        return new QueueState(null, null, waiting, agents, null, null, null, 0);
    }

    @Test
    void theClockGivesNowWhenTheStateHasNone() {
        QueueView q = queue(Map.of("members", "201,202", "wrapUpTime", "30"));
        QueueDecision d = ENGINE.decide(state(List.of(Caller.waitingSince("c1", NOW.minusSeconds(5))),
                List.of(new Agent("201", true, 0, false, NOW.minusSeconds(10), null, 0, 0, true, List.of()),
                        Agent.idle("202"))), q, tenant(2), CLOCK);
        assertThat(d.offers()).singleElement().satisfies(o -> assertThat(o.agents().get(0).agent()).isEqualTo("202"));
        assertThat(d.trace()).extracting(FiredRule::requirement).contains("QUE-22", "QUE-09");
    }

    @Test
    void reusedSessionsNeverLeakBetweenDecisions() {
        QueueView q = queue(Map.of("members", "201,202"));
        TenantView t = tenant(2);
        QueueDecision busy = ENGINE.decide(new QueueState(NOW, Caller.arriving("a"),
                List.of(Caller.waitingSince("c1", NOW.minusSeconds(5))), List.of(Agent.idle("201"), Agent.idle("202")),
                null, null, null, 0), q, t, CLOCK);
        assertThat(busy.offers()).hasSize(2);
        QueueDecision empty = ENGINE.decide(state(List.of(), List.of()), q, t, CLOCK);
        assertThat(empty.offers()).isEmpty();
        assertThat(empty.admission()).isNull();
        assertThat(empty.available()).isEmpty();
        assertThat(empty.inactive()).containsExactly("201", "202");
        assertThat(empty.trace()).extracting(FiredRule::requirement).doesNotContain("QUE-04", "QUE-09");
    }

    @Test
    void ringAllRingsOnlyTheFirst15Members() {
        String members = String.join(",", IntStream.rangeClosed(1, 16).mapToObj(i -> String.valueOf(200 + i)).toList());
        QueueView q = queue(Map.of("members", members, "strategy", "RING_ALL"));
        List<Agent> agents = IntStream.rangeClosed(1, 16).mapToObj(i -> Agent.idle(String.valueOf(200 + i))).toList();
        QueueDecision d = ENGINE.decide(state(List.of(Caller.waitingSince("c1", NOW.minusSeconds(5))), agents), q,
                tenant(16), CLOCK);
        assertThat(d.offers()).singleElement().satisfies(o -> assertThat(o.agents()).hasSize(15));
        assertThat(d.unavailable()).containsExactly(new QueueDecision.Unavailable("216",
                "beyond the first 15 ring-all members"));
    }

    @Test
    void anOpenRingAllQueueWith15MembersRefusesNonMembers() {
        String members = String.join(",", IntStream.rangeClosed(1, 15).mapToObj(i -> String.valueOf(200 + i)).toList());
        QueueView q = queue(Map.of("members", members, "strategy", "RING_ALL", "access", "OPEN"));
        QueueDecision d = ENGINE.decide(new QueueState(NOW, null, List.of(), List.of(), null, "216", null, 0), q,
                tenant(16), CLOCK);
        assertThat(d.login().accepted()).isFalse();
        assertThat(d.trace()).extracting(FiredRule::rule)
                .anyMatch(r -> r.startsWith("QUE-16 while an open ring-all queue has 15 members"));
    }

    @Test
    void admissionOfAnArrivalWithNoAgentsDestination() {
        QueueView q = queue(Map.of("members", "201", "noAgentsDestination", "600"));
        QueueDecision d = ENGINE.decide(new QueueState(NOW, Caller.arriving("a"), List.of(), List.of(), null, null,
                null, 0), q, tenant(1), CLOCK);
        assertThat(d.admission()).isEqualTo(Admission.NO_AGENTS_DESTINATION);
        assertThat(d.destination()).isEqualTo("600");
        assertThat(d.announcements()).isNull();
    }
}
