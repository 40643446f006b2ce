package org.reachpbx.server.sip.media.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.reachpbx.server.sip.TestPhone;

/**
 * The seven strategies on the wire (QUE-15..21): a queue per strategy over agents 211, 212 and 213
 * (rank order), each agent's statistics set as in the strategy's golden case
 * ({@code testdata/golden/queue/strategies.yaml}), and the agents' phones declining at once so that
 * the next agent rings on the queue's next step (QUE-14, QUE-23): the phones ring in the order the
 * golden cases give.
 */
class QueueStrategiesTest extends QueueTestSupport {

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource({
            // QUE-15: rank order.
            "421, FIXED_ORDER_FROM_TOP, 211 212 213",
            // QUE-17: 212 was offered the previous call, so 213 is next, then wrapping.
            "423, ROUND_ROBIN_WITH_MEMORY, 213 211 212",
            // QUE-18: last offers 6, 10 and 2 min ago: longest idle first.
            "424, LONGEST_IDLE, 212 211 213",
            // QUE-19: 2, 0 and 1 calls answered since login.
            "425, FEWEST_CALLS, 212 213 211",
            // QUE-20: 1 h, 46 min and 12 min of talk since login.
            "426, LEAST_TALK_TIME, 213 212 211",
    })
    void theAgentsRingOneAfterTheOtherInTheStrategysOrder(String number, String strategy, String expected)
            throws Exception {
        Map<String, TestPhone> agents = agents(number);
        set(queue(number), strategy);
        TestPhone.Call call = waitIn(number);
        try {
            assertThat(ringOrder(agents, 3, Duration.ofSeconds(20))).as(strategy)
                    .containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
        } finally {
            call.hangUp();
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            // QUE-16: every available agent at once.
            "422, RING_ALL",
            // QUE-21: a random order, each agent once per cycle.
            "427, RANDOM",
    })
    void everyAgentRingsOncePerCycle(String number, String strategy) throws Exception {
        Map<String, TestPhone> agents = agents(number);
        TestPhone.Call call = waitIn(number);
        try {
            long started = System.nanoTime();
            List<String> order = ringOrder(agents, 3, Duration.ofSeconds(20));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(order).as(strategy).containsExactlyInAnyOrder("211", "212", "213");
            if (strategy.equals("RING_ALL")) {
                assertThat(tookMs).as("QUE-16: all three ring together, not one after the other").isLessThan(900);
            }
        } finally {
            call.hangUp();
        }
    }

    /** The three agents logged in with phones that decline at once. */
    private Map<String, TestPhone> agents(String number) throws Exception {
        Map<String, TestPhone> agents = new LinkedHashMap<>();
        for (String a : List.of("211", "212", "213")) {
            agents.put(a, queuePhone(a, peer()).answering(TestPhone.Answering.DECLINE));
            queues.login(queue(number), a);
        }
        return agents;
    }

    /** The agents' statistics since login as the strategy's golden case has them. */
    private void set(QueueKey q, String strategy) {
        Instant now = clock.instant();
        switch (strategy) {
            case "ROUND_ROBIN_WITH_MEMORY" -> queues.offeredTo(q, "212", now.minusSeconds(60));
            case "LONGEST_IDLE" -> {
                queues.offeredTo(q, "211", now.minusSeconds(360));
                queues.offeredTo(q, "212", now.minusSeconds(600));
                queues.offeredTo(q, "213", now.minusSeconds(120));
            }
            case "FEWEST_CALLS" -> {
                answered(q, "211", 0);
                answered(q, "211", 0);
                answered(q, "213", 0);
            }
            case "LEAST_TALK_TIME" -> {
                answered(q, "211", 3600);
                answered(q, "212", 2760);
                answered(q, "213", 720);
            }
            default -> { }
        }
    }

    /** A queue call the agent answered an hour ago and talked {@code talkSeconds}. */
    private void answered(QueueKey q, String agent, long talkSeconds) {
        queues.callStarted(q, agent);
        queues.callEnded(q, agent, clock.instant().minusSeconds(3600), talkSeconds);
    }

    private TestPhone.Call waitIn(String number) throws Exception {
        RtpTestPeer evaRtp = peer();
        TestPhone eva = queuePhone("219", evaRtp);
        TestPhone.Call call = eva.call(number);
        connected(call, evaRtp);
        return call;
    }
}
