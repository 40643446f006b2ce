package org.reachpbx.rules.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.queue.QueueState.Agent;

/** The strategy orders of QUE-15 … QUE-21 with the manual's examples. */
class QueueAgentOrderTest {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    static Agent agent(String ext, Integer offeredMinutesAgo, int answered, long talkSeconds) {
        return new Agent(ext, true, 0, false, null,
                offeredMinutesAgo == null ? null : NOW.minusSeconds(60L * offeredMinutesAgo), answered, talkSeconds,
                true, List.of());
    }

    static final List<Agent> THREE = List.of(agent("1", 6, 9, 3600), agent("2", 10, 22, 46 * 60),
            agent("3", 2, 17, 12 * 60));

    @Test
    void fixedOrderIsRankOrder() {
        assertThat(AgentOrder.byRank(THREE)).containsExactly("1", "2", "3");
    }

    @Test
    void roundRobinStartsAfterTheAgentOfferedThePreviousCall() {
        // QUE-17 / A3: agent 2 took the last call, so try 3, then 1, then 2.
        assertThat(AgentOrder.roundRobin(THREE, "2")).containsExactly("3", "1", "2");
        assertThat(AgentOrder.roundRobin(THREE, "3")).containsExactly("1", "2", "3");
        assertThat(AgentOrder.roundRobin(THREE, null)).containsExactly("1", "2", "3");
        assertThat(AgentOrder.roundRobin(THREE, "999")).containsExactly("1", "2", "3");
    }

    @Test
    void lastOfferedIsTheLatestOffer() {
        assertThat(AgentOrder.lastOffered(THREE)).isEqualTo("3");
        assertThat(AgentOrder.lastOffered(List.of(agent("1", null, 0, 0)))).isNull();
    }

    @Test
    void longestIdleCountsFromTheLastOffer() {
        // QUE-18: offers 6, 10 and 2 min ago give the order agent 2, 1, 3.
        assertThat(AgentOrder.longestIdle(THREE)).containsExactly("2", "1", "3");
    }

    @Test
    void neverOfferedIsLongestIdleAndRankBreaksTies() {
        List<Agent> agents = List.of(agent("1", 5, 0, 0), agent("2", null, 0, 0), agent("3", null, 0, 0));
        assertThat(AgentOrder.longestIdle(agents)).containsExactly("2", "3", "1");
    }

    @Test
    void fewestCallsAnsweredSinceLogin() {
        // QUE-19: 9, 22 and 17 give the order agent 1, 3, 2.
        assertThat(AgentOrder.fewestCalls(THREE)).containsExactly("1", "3", "2");
    }

    @Test
    void leastTalkTimeSinceLogin() {
        // QUE-20: 1 h, 46 min and 12 min give the order agent 3, 2, 1.
        assertThat(AgentOrder.leastTalkTime(THREE)).containsExactly("3", "2", "1");
    }

    @Test
    void equalMetricsKeepRankOrder() {
        List<Agent> agents = List.of(agent("1", 1, 4, 60), agent("2", 1, 4, 60), agent("3", 1, 4, 60));
        assertThat(AgentOrder.fewestCalls(agents)).containsExactly("1", "2", "3");
        assertThat(AgentOrder.leastTalkTime(agents)).containsExactly("1", "2", "3");
        assertThat(AgentOrder.longestIdle(agents)).containsExactly("1", "2", "3");
    }

    @Test
    void randomIsAPermutationReproducibleFromItsSeed() {
        assertThat(AgentOrder.random(THREE, 7)).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(AgentOrder.random(THREE, 7)).isEqualTo(AgentOrder.random(THREE, 7));
    }
}
