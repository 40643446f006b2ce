package org.reachpbx.server.sip.b2bua;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.server.livestate.CallCounters;
import org.reachpbx.server.livestate.CallCounters.Kind;
import org.reachpbx.server.livestate.InMemoryCallCounters;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;

/**
 * The counters the rules need about calls in progress, per tenant: calls per call-limit extension
 * (CLX-02), external calls per user (ECL-01), calls per user and per channel (busy, USR-11 and
 * CH-04). A call takes its counts with {@link #take} and gives them back exactly once with
 * {@link Taken#release()}, which every way a call can end calls. The counts are kept in
 * {@link CallCounters} (in memory, or leases in Redis for a cluster).
 */
public class LiveCalls {

    private final CallCounters counters;

    /** In memory: one instance, and the tests that need no other. */
    public LiveCalls() {
        this(new InMemoryCallCounters());
    }

    public LiveCalls(CallCounters counters) {
        this.counters = counters;
    }

    /** What one call counts for; released once. */
    public final class Taken {
        private final long tenantId;
        private final List<Held> leases = new ArrayList<>();
        private boolean released;

        private Taken(long tenantId) {
            this.tenantId = tenantId;
        }

        public void callLimit(String extension) {
            add(Kind.CALL_LIMIT, extension);
        }

        public void external(String user) {
            add(Kind.EXTERNAL, user);
        }

        public void user(String user) {
            add(Kind.USER, user);
        }

        public void channel(String channel) {
            add(Kind.CHANNEL, channel);
        }

        private synchronized void add(Kind kind, String key) {
            if (key == null || released) {
                return;
            }
            leases.add(new Held(kind, key, counters.take(tenantId, kind, key)));
        }

        /**
         * A party left the call while it goes on (a transfer): its user's and channel's counts are
         * given back now, so it is no longer busy (USR-11) and can be called back (GEN-04).
         */
        public synchronized void leave(String user, String channel) {
            giveBack(Kind.USER, user);
            giveBack(Kind.CHANNEL, channel);
        }

        private void giveBack(Kind kind, String key) {
            for (java.util.Iterator<Held> it = leases.iterator(); it.hasNext(); ) {
                Held h = it.next();
                if (h.kind() == kind && h.key().equals(key)) {
                    it.remove();
                    h.lease().release();
                    return;
                }
            }
        }

        /** Gives every count back; a second call does nothing. */
        public synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            leases.forEach(h -> h.lease().release());
            leases.clear();
        }
    }

    /** One count a call holds. */
    private record Held(Kind kind, String key, CallCounters.Lease lease) {
    }

    public Taken take(long tenantId) {
        return new Taken(tenantId);
    }

    public Map<String, Integer> callLimitCalls(long tenantId) {
        return Map.copyOf(counters.counts(tenantId, Kind.CALL_LIMIT));
    }

    public int externalCalls(long tenantId, String user) {
        return user == null ? 0 : counters.count(tenantId, Kind.EXTERNAL, user);
    }

    /** The calls {@code user} has up now (what counts them busy, USR-11; a queue's agent availability, QUE-08). */
    public int userCalls(long tenantId, String user) {
        return user == null ? 0 : counters.count(tenantId, Kind.USER, user);
    }

    public int channelCalls(long tenantId, String channel) {
        return counters.count(tenantId, Kind.CHANNEL, channel);
    }

    /** The users with at least one call up now (ringing calls they made, or answered ones). */
    public Set<String> usersInCall(long tenantId) {
        return Set.copyOf(counters.counts(tenantId, Kind.USER).keySet());
    }

    /**
     * The users that count as busy now (USR-11): without second call offering, a user with a call
     * up; with it, a user whose every fixed device's channel is at its call limit (CH-04).
     */
    public Set<String> busyUsers(TenantView view) {
        Map<String, Integer> users = counters.counts(view.tenantId(), Kind.USER);
        if (users.isEmpty()) {
            return Set.of();
        }
        Map<String, Integer> channels = counters.counts(view.tenantId(), Kind.CHANNEL);
        Set<String> busy = new HashSet<>();
        for (String user : users.keySet()) {
            UserView u = view.user(user);
            if (u == null) {
                continue;
            }
            if (!u.secondCallOffering() || allChannelsFull(view, u, channels)) {
                busy.add(user);
            }
        }
        return Set.copyOf(busy);
    }

    private static boolean allChannelsFull(TenantView view, UserView u, Map<String, Integer> channelCalls) {
        boolean any = false;
        for (DeviceView d : u.devices()) {
            ChannelView c = d.channel() == null ? null : view.channel(d.channel());
            if (c != null) {
                any = true;
                if (channelCalls.getOrDefault(c.name(), 0) < Math.max(1, c.callLimit())) {
                    return false;
                }
            }
        }
        return any;
    }
}
