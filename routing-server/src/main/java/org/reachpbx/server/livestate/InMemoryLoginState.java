package org.reachpbx.server.livestate;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Device logins in this JVM's memory: the single-instance default, and a Redis instance's own copy. */
public class InMemoryLoginState implements LoginState {

    private final Map<Long, Map<String, Login>> logins = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @Override
    public void put(long tenantId, String channel, Login login) {
        logins.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>()).put(channel, login);
        generation.incrementAndGet();
    }

    @Override
    public boolean remove(long tenantId, String channel) {
        Map<String, Login> m = logins.get(tenantId);
        if (m != null && m.remove(channel) != null) {
            generation.incrementAndGet();
            return true;
        }
        return false;
    }

    @Override
    public Login get(long tenantId, String channel) {
        Map<String, Login> m = logins.get(tenantId);
        return m == null ? null : m.get(channel);
    }

    @Override
    public Map<String, Login> of(long tenantId) {
        Map<String, Login> m = logins.get(tenantId);
        return m == null ? Map.of() : new HashMap<>(m);
    }

    /** The tenants with a login here. */
    public java.util.Set<Long> tenants() {
        return java.util.Set.copyOf(logins.keySet());
    }

    @Override
    public long generation() {
        return generation.get();
    }
}
