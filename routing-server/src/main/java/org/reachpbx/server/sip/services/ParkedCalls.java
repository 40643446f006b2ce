package org.reachpbx.server.sip.services;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reachpbx.server.sip.media.ServedCall;

/**
 * The parked calls of every account (PARK-02): line 1–99 → the call waiting there on music, and who
 * parked it. A line is freed when its call is retrieved or the caller hangs up (PARK-05: there is
 * no park timeout). Live state of this instance (the cluster's shared store can back it later).
 */
public final class ParkedCalls {

    /** A call waiting on a park line. */
    public record Parked(int line, String parker, ServedCall call, Instant since) {
    }

    private final Map<Long, Map<Integer, Parked>> byTenant = new ConcurrentHashMap<>();

    /** Line → parker of the account's parked calls now (what the park and retrieve rules need). */
    public synchronized Map<Integer, String> lines(long tenantId) {
        Map<Integer, String> lines = new HashMap<>();
        byTenant.getOrDefault(tenantId, Map.of()).forEach((line, p) -> lines.put(line, p.parker()));
        return lines;
    }

    /** Parks the call on {@code line}; false when the line was taken meanwhile. */
    public synchronized boolean park(long tenantId, Parked parked) {
        return byTenant.computeIfAbsent(tenantId, t -> new HashMap<>()).putIfAbsent(parked.line(), parked) == null;
    }

    /** Takes the call off its line (retrieved); null when the line is free. */
    public synchronized Parked take(long tenantId, int line) {
        Map<Integer, Parked> lines = byTenant.get(tenantId);
        return lines == null ? null : lines.remove(line);
    }

    /** The parked caller hung up: its line is free again (only if it is still this call's). */
    public synchronized void left(long tenantId, int line, ServedCall call) {
        Map<Integer, Parked> lines = byTenant.get(tenantId);
        if (lines != null && lines.get(line) != null && lines.get(line).call() == call) {
            lines.remove(line);
        }
    }

    /** Parked calls on this instance (tests, metrics). */
    public synchronized int count() {
        return byTenant.values().stream().mapToInt(Map::size).sum();
    }
}
