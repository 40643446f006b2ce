package org.reachpbx.server.sip.b2bua;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;

/**
 * The counters the rules need about calls in progress, per tenant: calls per call-limit extension
 * (CLX-02), external calls per user (ECL-01), calls per user and per channel (busy, USR-11 and
 * CH-04). A call takes its counts with {@link #take} and gives them back exactly once with
 * {@link Taken#release()}, which every way a call can end calls.
 */
public class LiveCalls {

    private final Map<Long, TenantCalls> tenants = new ConcurrentHashMap<>();

    private static final class TenantCalls {
        final Map<String, Integer> callLimit = new HashMap<>();
        final Map<String, Integer> external = new HashMap<>();
        final Map<String, Integer> user = new HashMap<>();
        final Map<String, Integer> channel = new HashMap<>();
    }

    /** What one call counts for; released once. */
    public final class Taken {
        private final long tenantId;
        private final Map<String, Integer> callLimit = new HashMap<>();
        private final Map<String, Integer> external = new HashMap<>();
        private final Map<String, Integer> user = new HashMap<>();
        private final Map<String, Integer> channel = new HashMap<>();
        private boolean released;

        private Taken(long tenantId) {
            this.tenantId = tenantId;
        }

        public void callLimit(String extension) {
            add(callLimit, extension, c -> c.callLimit);
        }

        public void external(String user) {
            add(external, user, c -> c.external);
        }

        public void user(String user) {
            add(this.user, user, c -> c.user);
        }

        public void channel(String channel) {
            add(this.channel, channel, c -> c.channel);
        }

        private void add(Map<String, Integer> mine, String key, java.util.function.Function<TenantCalls, Map<String, Integer>> of) {
            if (key == null) {
                return;
            }
            synchronized (LiveCalls.this) {
                if (released) {
                    return;
                }
                mine.merge(key, 1, Integer::sum);
                of.apply(calls(tenantId)).merge(key, 1, Integer::sum);
            }
        }

        /** Gives every count back; a second call does nothing. */
        public void release() {
            synchronized (LiveCalls.this) {
                if (released) {
                    return;
                }
                released = true;
                TenantCalls t = calls(tenantId);
                subtract(t.callLimit, callLimit);
                subtract(t.external, external);
                subtract(t.user, user);
                subtract(t.channel, channel);
            }
        }
    }

    private TenantCalls calls(long tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new TenantCalls());
    }

    private static void subtract(Map<String, Integer> total, Map<String, Integer> mine) {
        mine.forEach((k, n) -> total.computeIfPresent(k, (key, v) -> v - n <= 0 ? null : v - n));
    }

    public Taken take(long tenantId) {
        return new Taken(tenantId);
    }

    public synchronized Map<String, Integer> callLimitCalls(long tenantId) {
        return Map.copyOf(calls(tenantId).callLimit);
    }

    public synchronized int externalCalls(long tenantId, String user) {
        return user == null ? 0 : calls(tenantId).external.getOrDefault(user, 0);
    }

    public synchronized int channelCalls(long tenantId, String channel) {
        return calls(tenantId).channel.getOrDefault(channel, 0);
    }

    /** The users with at least one call up now (ringing calls they made, or answered ones). */
    public synchronized Set<String> usersInCall(long tenantId) {
        return Set.copyOf(calls(tenantId).user.keySet());
    }

    /**
     * The users that count as busy now (USR-11): without second call offering, a user with a call
     * up; with it, a user whose every fixed device's channel is at its call limit (CH-04).
     */
    public synchronized Set<String> busyUsers(TenantView view) {
        TenantCalls t = calls(view.tenantId());
        if (t.user.isEmpty()) {
            return Set.of();
        }
        Set<String> busy = new HashSet<>();
        for (String user : t.user.keySet()) {
            UserView u = view.user(user);
            if (u == null) {
                continue;
            }
            if (!u.secondCallOffering() || allChannelsFull(view, u, t)) {
                busy.add(user);
            }
        }
        return Set.copyOf(busy);
    }

    private static boolean allChannelsFull(TenantView view, UserView u, TenantCalls t) {
        boolean any = false;
        for (DeviceView d : u.devices()) {
            ChannelView c = d.channel() == null ? null : view.channel(d.channel());
            if (c != null) {
                any = true;
                if (t.channel.getOrDefault(c.name(), 0) < Math.max(1, c.callLimit())) {
                    return false;
                }
            }
        }
        return any;
    }
}
