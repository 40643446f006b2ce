package org.reachpbx.server.livestate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.reachpbx.server.sip.registrar.RegistrationStore.Binding;

/** Registrations in this JVM's memory: the single-instance default, and a Redis instance's own copy. */
public class InMemoryRegistrationState implements RegistrationState {

    private record Key(long tenantId, String channel) {
    }

    private final Map<Key, Map<String, Binding>> bindings = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @Override
    public boolean put(Binding binding) {
        Binding before = bindings.computeIfAbsent(new Key(binding.tenantId(), binding.channel()),
                k -> new ConcurrentHashMap<>()).put(binding.contact(), binding);
        generation.incrementAndGet();
        return before == null;
    }

    @Override
    public boolean remove(long tenantId, String channel, String contact) {
        Map<String, Binding> m = bindings.get(new Key(tenantId, channel));
        if (m != null && m.remove(contact) != null) {
            generation.incrementAndGet();
            return true;
        }
        return false;
    }

    @Override
    public boolean removeAll(long tenantId, String channel) {
        if (bindings.remove(new Key(tenantId, channel)) != null) {
            generation.incrementAndGet();
            return true;
        }
        return false;
    }

    @Override
    public Collection<Binding> of(long tenantId, String channel) {
        Map<String, Binding> m = bindings.get(new Key(tenantId, channel));
        return m == null ? List.of() : m.values();
    }

    @Override
    public int sweep(Instant now) {
        int dropped = 0;
        for (Map<String, Binding> m : bindings.values()) {
            int before = m.size();
            m.values().removeIf(b -> !b.expires().isAfter(now));
            dropped += before - m.size();
        }
        bindings.values().removeIf(Map::isEmpty);
        if (dropped > 0) {
            generation.incrementAndGet();
        }
        return dropped;
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public int registeredChannels(Long tenantId, Instant now) {
        int n = 0;
        for (var e : bindings.entrySet()) {
            if ((tenantId == null || e.getKey().tenantId() == tenantId)
                    && e.getValue().values().stream().anyMatch(b -> b.expires().isAfter(now))) {
                n++;
            }
        }
        return n;
    }

    @Override
    public java.util.Set<String> registeredChannelNames(long tenantId, Instant now) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (var e : bindings.entrySet()) {
            if (e.getKey().tenantId() == tenantId
                    && e.getValue().values().stream().anyMatch(b -> b.expires().isAfter(now))) {
                names.add(e.getKey().channel());
            }
        }
        return names;
    }

    @Override
    public Stream<Binding> local() {
        return bindings.values().stream().flatMap(m -> m.values().stream());
    }
}
