package org.reachpbx.rules.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.reachpbx.rules.queue.QueueState.Agent;

/**
 * The agent orders of the seven strategies (QUE-14 … QUE-21). Input: the agents in rank order
 * (rank 1 first, QUE-07); rank breaks ties in the metric-based strategies (QUE-14). Output: the
 * extensions in the order the strategy tries them.
 */
public final class AgentOrder {
    private AgentOrder() {
    }

    /** Fixed order from the top and ring all: rank order (QUE-15, QUE-16). */
    public static List<String> byRank(List<Agent> ranked) {
        return ranked.stream().map(Agent::extension).toList();
    }

    /**
     * Round robin with memory: start at the agent ranked after the one offered the previous call,
     * then rank order, wrapping (QUE-17, A3). {@code lastOffered} null or unknown = from the top.
     */
    public static List<String> roundRobin(List<Agent> ranked, String lastOffered) {
        List<String> rank = byRank(ranked);
        int last = lastOffered == null ? -1 : rank.indexOf(lastOffered);
        List<String> out = new ArrayList<>(rank.size());
        for (int i = 1; i <= rank.size(); i++) {
            out.add(rank.get((last + i) % rank.size()));
        }
        return out;
    }

    /** The agent offered the previous call: the latest {@code lastOfferedAt} (round robin without an explicit one). */
    public static String lastOffered(List<Agent> ranked) {
        return ranked.stream().filter(a -> a.lastOfferedAt() != null)
                .max(Comparator.comparing(Agent::lastOfferedAt)).map(Agent::extension).orElse(null);
    }

    /** Longest idle: longest since the last offer first; never offered = longest idle (QUE-18, A1). */
    public static List<String> longestIdle(List<Agent> ranked) {
        return sorted(ranked, Comparator.comparing(Agent::lastOfferedAt,
                Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));
    }

    /** Fewest queue calls answered since login first (QUE-19, A1). */
    public static List<String> fewestCalls(List<Agent> ranked) {
        return sorted(ranked, Comparator.comparingInt(Agent::answeredCalls));
    }

    /** Least talk time on queue calls since login first (QUE-20, A4). */
    public static List<String> leastTalkTime(List<Agent> ranked) {
        return sorted(ranked, Comparator.comparingLong(Agent::talkTimeSeconds));
    }

    /** Random order, reproducible from the seed (QUE-21). */
    public static List<String> random(List<Agent> ranked, long seed) {
        List<String> out = new ArrayList<>(byRank(ranked));
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    /** Stable sort: equal metrics keep rank order. */
    private static List<String> sorted(List<Agent> ranked, Comparator<Agent> metric) {
        List<Agent> out = new ArrayList<>(ranked);
        out.sort(metric);
        return out.stream().map(Agent::extension).toList();
    }
}
