package org.reachpbx.server.livestate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RMapCache;
import org.redisson.client.codec.StringCodec;

/**
 * Call counters in Redis as leases: per tenant and kind a map lease id → counted key whose entries
 * expire after the lease time unless the holding instance renews them (every heartbeat). A count is
 * the number of live entries for a key. The instance's own leases are also counted locally: that is
 * what it decides on while Redis is down (degraded mode: "local counters only"), and what the
 * heartbeat publishes again when Redis is back.
 */
public class RedisCallCounters implements CallCounters, RedisLink.Participant {

    /** A lease of this instance, as held in Redis. */
    private record Held(long tenantId, Kind kind, String key) {
    }

    private final RedisLink link;
    private final long leaseMillis;
    private final InMemoryCallCounters local = new InMemoryCallCounters();
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();

    public RedisCallCounters(RedisLink link, Duration lease) {
        this.link = link;
        this.leaseMillis = lease.toMillis();
        link.join(this);
    }

    private RMapCache<String, String> leases(long tenantId, Kind kind) {
        return link.redis().getMapCache(link.key("calls:" + tenantId + ":" + kind.name().toLowerCase()), StringCodec.INSTANCE);
    }

    @Override
    public Lease take(long tenantId, Kind kind, String key) {
        Lease mine = local.take(tenantId, kind, key);
        String id = instance + ":" + sequence.incrementAndGet();
        held.put(id, new Held(tenantId, kind, key));
        link.write(() -> leases(tenantId, kind).fastPut(id, key, leaseMillis, TimeUnit.MILLISECONDS));
        return () -> {
            if (held.remove(id) != null) {
                mine.release();
                // Redis down: the entry is not renewed any more and expires within the lease time.
                link.write(() -> leases(tenantId, kind).fastRemove(id));
            }
        };
    }

    @Override
    public Map<String, Integer> counts(long tenantId, Kind kind) {
        return link.call(() -> {
            Map<String, Integer> out = new HashMap<>();
            for (String key : leases(tenantId, kind).readAllValues()) {
                out.merge(key, 1, Integer::sum);
            }
            return out;
        }, () -> local.counts(tenantId, kind));
    }

    /** Renews every lease this instance holds, and so puts back any that Redis lost or never got. */
    @Override
    public void heartbeat() {
        Map<Held, Map<String, String>> byMap = new HashMap<>();
        held.forEach((id, h) -> byMap.computeIfAbsent(new Held(h.tenantId(), h.kind(), null), k -> new HashMap<>())
                .put(id, h.key()));
        byMap.forEach((m, entries) -> {
            RMapCache<String, String> leases = leases(m.tenantId(), m.kind());
            leases.putAll(entries, leaseMillis, TimeUnit.MILLISECONDS);
            // A call that ended while this ran must not be counted again until its lease expires.
            entries.keySet().stream().filter(id -> !held.containsKey(id)).forEach(leases::fastRemove);
        });
    }

    /** How many leases this instance holds (for tests and the metrics). */
    public int held() {
        return held.size();
    }
}
