package org.reachpbx.server.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.reachpbx.directory.queue.QueueCallEvent;
import org.reachpbx.directory.queue.QueueCallEventRepository;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Stores the queue runtime's events for the statistics (QUE-39), off the call threads, and purges
 * them after {@code pbx.queue.statistics-retention-days}. A database outage drops events (logged),
 * never a call.
 */
public class QueueEventLog implements QueueEvents {

    private static final Logger log = LoggerFactory.getLogger(QueueEventLog.class);

    private final QueueCallEventRepository events;
    private final QueueProperties properties;
    private final Clock clock;
    private final ExecutorService writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(20_000), r -> {
                Thread t = new Thread(r, "queue-events");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public QueueEventLog(QueueCallEventRepository events, QueueProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void entered(QueueKey queue, String callId, Instant at, boolean joined) {
        store(event(queue, callId, QueueCallEvent.Kind.ENTERED, null, at, Duration.ZERO, joined ? "JOIN" : "NOT_ADMITTED"));
    }

    @Override
    public void answered(QueueKey queue, String callId, String agent, Instant at, Duration waited) {
        store(event(queue, callId, QueueCallEvent.Kind.ANSWERED, agent, at, waited, null));
    }

    @Override
    public void abandoned(QueueKey queue, String callId, Instant at, Duration waited) {
        store(event(queue, callId, QueueCallEvent.Kind.ABANDONED, null, at, waited, null));
    }

    @Override
    public void left(QueueKey queue, String callId, String reason, Instant at, Duration waited) {
        store(event(queue, callId, QueueCallEvent.Kind.LEFT, null, at, waited, reason));
    }

    @Override
    public void talked(QueueKey queue, String agent, Instant at, Duration talk, Duration wrapUp) {
        QueueCallEvent e = event(queue, null, QueueCallEvent.Kind.TALKED, agent, at, Duration.ZERO, null);
        e.setTalkSeconds(talk.toSeconds());
        e.setWrapUpSeconds(wrapUp.toSeconds());
        store(e);
    }

    private static QueueCallEvent event(QueueKey queue, String callId, QueueCallEvent.Kind kind, String agent,
                                        Instant at, Duration waited, String reason) {
        QueueCallEvent e = new QueueCallEvent();
        e.setTenantId(queue.tenantId());
        e.setQueueNumber(queue.queue());
        e.setCallId(callId);
        e.setKind(kind);
        e.setAgent(agent);
        e.setHappenedAt(at);
        e.setWaitSeconds(waited.toSeconds());
        e.setReason(reason);
        return e;
    }

    /** Stores now on the writer thread (in order); {@link #flush()} waits for what was handed over. */
    public void store(QueueCallEvent e) {
        writer.execute(() -> {
            try {
                events.save(e);
            } catch (RuntimeException ex) {
                log.warn("Queue event of {} {} not stored: {}", e.getQueueNumber(), e.getKind(), ex.toString());
            }
        });
    }

    /** Waits until the events handed over so far are stored (tests, shutdown). */
    public void flush() {
        try {
            writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("Queue event flush: {}", e.toString());
        }
    }

    /** Every night at 03:27 server time; how many events were removed. */
    @Scheduled(cron = "${pbx.queue.purge-cron:0 27 3 * * *}")
    public int purge() {
        if (properties.getStatisticsRetentionDays() == 0) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(properties.getStatisticsRetentionDays()));
        int removed = events.deleteBefore(cutoff);
        if (removed > 0) {
            log.info("Purged {} queue call events before {}", removed, cutoff);
        }
        return removed;
    }

    public void shutdown() {
        flush();
        writer.shutdown();
    }
}
