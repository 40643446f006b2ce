package org.reachpbx.ui.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reachpbx.directory.queue.QueueStatistics;

/**
 * What the wallboard shows per queue (QUE-39): callers waiting, the longest wait, the agents by
 * state, and today's service level and counts (from the day's statistics). Plain data, so the view
 * only lays it out.
 */
public final class Wallboard {

    public record Tile(String queue, String name, int waiting, long longestWaitSeconds, int available, int busy,
                       int loggedOut, List<QueueBoard.Agent> agents, int answeredToday, int abandonedToday,
                       Integer serviceLevelToday) {
    }

    private Wallboard() {
    }

    /** One tile per queue; {@code today} holds each queue's statistics row of today (absent: none yet). */
    public static List<Tile> tiles(List<QueueBoard.QueueNow> queues, Map<String, QueueStatistics.Row> today) {
        List<Tile> out = new ArrayList<>();
        for (QueueBoard.QueueNow q : queues) {
            long longest = q.waitingSeconds().stream().mapToLong(Long::longValue).max().orElse(0);
            int available = 0;
            int busy = 0;
            int out_ = 0;
            for (QueueBoard.Agent a : q.agents()) {
                switch (a.state()) {
                    case AVAILABLE -> available++;
                    case LOGGED_OUT -> out_++;
                    default -> busy++;
                }
            }
            QueueStatistics.Row day = today.get(q.number());
            out.add(new Tile(q.number(), q.name(), q.waitingSeconds().size(), longest, available, busy, out_, q.agents(),
                    day == null ? 0 : day.answered(), day == null ? 0 : day.abandoned(),
                    day == null ? null : day.serviceLevelPercent()));
        }
        return out;
    }

    /** A wait as m:ss. */
    public static String minutes(long seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
