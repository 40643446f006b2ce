package org.reachpbx.server.livestate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection of one instance to the cluster's Redis, and its degraded mode (docs/cluster.md):
 * when a Redis operation fails, the instance carries on with what it holds itself (its own
 * registrations, logins and call leases: "local counters only") and stops asking Redis until the
 * heartbeat succeeds again. The heartbeat, every renew interval, renews this instance's leases and
 * thereby probes Redis; once it succeeds the state kinds publish again what they kept locally.
 */
public class RedisLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    /** What a state kind does on every heartbeat (renew leases) and after an outage (publish again). */
    public interface Participant {
        void heartbeat();

        default void recovered() {
        }
    }

    private final RedissonClient redis;
    private final String prefix;
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeat;
    private volatile boolean degraded;

    public RedisLink(RedissonClient redis, String prefix, Duration renewEvery) {
        this.redis = redis;
        this.prefix = prefix;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, renewEvery.toMillis());
        heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    public RedissonClient redis() {
        return redis;
    }

    /** A Redis key of this cluster: the prefix keeps clusters (and tests) sharing one Redis apart. */
    public String key(String name) {
        return prefix + ":" + name;
    }

    public void join(Participant participant) {
        participants.add(participant);
    }

    /** Whether Redis is unreachable now and the instance runs on local state only. */
    public boolean degraded() {
        return degraded;
    }

    /** Runs a Redis operation, or (Redis down) the local fallback. */
    public <T> T call(Supplier<T> onRedis, Supplier<T> locally) {
        if (degraded) {
            return locally.get();
        }
        try {
            return onRedis.get();
        } catch (RedisException e) {
            enterDegraded(e);
            return locally.get();
        }
    }

    /** Runs a Redis write that the local state already holds (and the heartbeat republishes). */
    public void write(Runnable onRedis) {
        call(() -> {
            onRedis.run();
            return null;
        }, () -> null);
    }

    private void enterDegraded(RedisException e) {
        if (!degraded) {
            degraded = true;
            log.warn("Redis unreachable ({}): live state degraded to this instance's own registrations, logins "
                    + "and call counters until it answers again", e.getMessage());
        }
    }

    /** One heartbeat; public so that tests need not wait for the schedule. */
    public void beat() {
        boolean wasDegraded = degraded;
        try {
            if (wasDegraded) {
                redis.getBucket(key("ping")).isExists();
            }
            degraded = false;
            participants.forEach(Participant::heartbeat);
            if (wasDegraded) {
                participants.forEach(Participant::recovered);
                log.info("Redis answers again: live state shared with the cluster again");
            }
        } catch (RedisException e) {
            enterDegraded(e);
        } catch (RuntimeException e) {
            log.warn("live state heartbeat failed", e);
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
