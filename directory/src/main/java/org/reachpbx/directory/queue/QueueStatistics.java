package org.reachpbx.directory.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A queue's statistics (QUE-39) per interval of the tenant's clock, summed from its call events:
 * offered (calls that reached the queue), answered, answered within the service level, abandoned
 * (and the average wait before abandoning), left to a continuation, average wait of the answered
 * calls, longest wait of any call, talk and wrap-up time; per agent: answered, talk, wrap-up.
 * Service level = answered within the service level / (answered + abandoned), in percent.
 */
public final class QueueStatistics {

    /** The length of one interval. */
    public enum Interval {
        QUARTER(Duration.ofMinutes(15)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

        final Duration length;

        Interval(Duration length) {
            this.length = length;
        }
    }

    public record AgentRow(String agent, int answered, long talkSeconds, long wrapUpSeconds) {
    }

    public record Row(ZonedDateTime start, ZonedDateTime end, int offered, int answered,
                      int answeredWithinServiceLevel, int abandoned, long abandonedAverageWaitSeconds, int left,
                      long averageWaitSeconds, long longestWaitSeconds, long talkSeconds, long wrapUpSeconds,
                      Integer serviceLevelPercent, List<AgentRow> agents) {
    }

    /** At most this many intervals in one answer. */
    public static final int MAX_INTERVALS = 5_000;

    private QueueStatistics() {
    }

    /** The first interval start at or before {@code at} in {@code zone}. */
    public static ZonedDateTime floor(Instant at, ZoneId zone, Interval interval) {
        ZonedDateTime t = at.atZone(zone);
        return switch (interval) {
            case DAY -> t.toLocalDate().atStartOfDay(zone);
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case QUARTER -> t.truncatedTo(ChronoUnit.HOURS).plusMinutes(t.getMinute() / 15 * 15L);
        };
    }

    private static ZonedDateTime next(ZonedDateTime start, Interval interval) {
        return interval == Interval.DAY ? start.toLocalDate().plusDays(1).atStartOfDay(start.getZone())
                : start.plus(interval.length);
    }

    /** Every interval that overlaps [from, to), with the events (oldest first, all in [from, to)) summed into it. */
    public static List<Row> of(List<QueueCallEvent> events, Instant from, Instant to, ZoneId zone, Interval interval,
                               int serviceLevelSeconds) {
        List<Row> rows = new ArrayList<>();
        int e = 0;
        for (ZonedDateTime start = floor(from, zone, interval); start.toInstant().isBefore(to);
             start = next(start, interval)) {
            if (rows.size() >= MAX_INTERVALS) {
                throw new IllegalArgumentException("more than " + MAX_INTERVALS + " intervals: choose a longer interval");
            }
            ZonedDateTime end = next(start, interval);
            Sum sum = new Sum();
            while (e < events.size() && events.get(e).getHappenedAt().isBefore(end.toInstant())) {
                sum.add(events.get(e++), serviceLevelSeconds);
            }
            rows.add(sum.row(start, end));
        }
        return rows;
    }

    private static final class Sum {
        int offered;
        int answered;
        int withinServiceLevel;
        int abandoned;
        long abandonedWait;
        int left;
        long answeredWait;
        long longestWait;
        long talk;
        long wrapUp;
        final Map<String, long[]> agents = new TreeMap<>();

        void add(QueueCallEvent e, int serviceLevelSeconds) {
            switch (e.getKind()) {
                case ENTERED -> offered++;
                case ANSWERED -> {
                    answered++;
                    answeredWait += e.getWaitSeconds();
                    if (e.getWaitSeconds() <= serviceLevelSeconds) {
                        withinServiceLevel++;
                    }
                    if (e.getAgent() != null) {
                        agents.computeIfAbsent(e.getAgent(), a -> new long[3])[0]++;
                    }
                }
                case ABANDONED -> {
                    abandoned++;
                    abandonedWait += e.getWaitSeconds();
                }
                case LEFT -> left++;
                case TALKED -> {
                    talk += e.getTalkSeconds();
                    wrapUp += e.getWrapUpSeconds();
                    if (e.getAgent() != null) {
                        long[] a = agents.computeIfAbsent(e.getAgent(), x -> new long[3]);
                        a[1] += e.getTalkSeconds();
                        a[2] += e.getWrapUpSeconds();
                    }
                }
            }
            if (e.getKind() != QueueCallEvent.Kind.ENTERED && e.getKind() != QueueCallEvent.Kind.TALKED) {
                longestWait = Math.max(longestWait, e.getWaitSeconds());
            }
        }

        Row row(ZonedDateTime start, ZonedDateTime end) {
            List<AgentRow> perAgent = new ArrayList<>();
            agents.forEach((agent, a) -> perAgent.add(new AgentRow(agent, (int) a[0], a[1], a[2])));
            int measured = answered + abandoned;
            return new Row(start, end, offered, answered, withinServiceLevel, abandoned,
                    abandoned == 0 ? 0 : Math.round((double) abandonedWait / abandoned), left,
                    answered == 0 ? 0 : Math.round((double) answeredWait / answered), longestWait, talk, wrapUp,
                    measured == 0 ? null : (int) Math.round(100.0 * withinServiceLevel / measured), perAgent);
        }
    }
}
