package org.reachpbx.server.sip.media.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;

/**
 * The expected wait a caller hears (QUE-28): the spec names no calculation, so (reading A9) it is
 * the average wait of the calls answered in this queue today, in the tenant's time zone, in whole
 * minutes. Kept in memory from the answers this server saw; a new day starts from nothing.
 */
final class ExpectedWait {

    private record Today(LocalDate day, long answered, long waitedSeconds) {
    }

    private final Map<QueueKey, Today> queues = new ConcurrentHashMap<>();

    /** A call of {@code queue} was answered after waiting {@code waited}. */
    void answered(QueueKey queue, ZoneId zone, Instant at, Duration waited) {
        LocalDate day = at.atZone(zone).toLocalDate();
        queues.merge(queue, new Today(day, 1, waited.toSeconds()), (old, one) -> old.day().equals(day)
                ? new Today(day, old.answered() + 1, old.waitedSeconds() + one.waitedSeconds()) : one);
    }

    /** Today's average wait in whole minutes (0 = less than a minute, also when nothing was answered today). */
    int minutes(QueueKey queue, ZoneId zone, Instant now) {
        Today t = queues.get(queue);
        if (t == null || t.answered() == 0 || !t.day().equals(now.atZone(zone).toLocalDate())) {
            return 0;
        }
        return (int) (t.waitedSeconds() / t.answered() / 60);
    }
}
