package org.reachpbx.server.livestate;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Call counters in this JVM's memory: the single-instance default, and a Redis instance's own leases. */
public class InMemoryCallCounters implements CallCounters {

    private record Key(long tenantId, Kind kind) {
    }

    private final Map<Key, Map<String, Integer>> counts = new ConcurrentHashMap<>();

    @Override
    public Lease take(long tenantId, Kind kind, String key) {
        Map<String, Integer> m = counts.computeIfAbsent(new Key(tenantId, kind), k -> new ConcurrentHashMap<>());
        m.merge(key, 1, Integer::sum);
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                m.computeIfPresent(key, (k, v) -> v <= 1 ? null : v - 1);
            }
        };
    }

    @Override
    public Map<String, Integer> counts(long tenantId, Kind kind) {
        Map<String, Integer> m = counts.get(new Key(tenantId, kind));
        return m == null ? Map.of() : new HashMap<>(m);
    }

    @Override
    public int count(long tenantId, Kind kind, String key) {
        Map<String, Integer> m = counts.get(new Key(tenantId, kind));
        return m == null ? 0 : m.getOrDefault(key, 0);
    }
}
