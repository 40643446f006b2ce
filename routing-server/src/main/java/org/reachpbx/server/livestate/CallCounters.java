package org.reachpbx.server.livestate;

import java.util.Map;

/**
 * Calls in progress, counted per tenant and {@link Kind}: each call holds one {@link Lease} per
 * thing it counts for and releases it exactly once when it ends. In a cluster the lease is renewed
 * while the instance holding the call lives and expires when it dies, so that a crashed instance
 * never leaves an extension busy for ever. The limits themselves are the rules' business.
 */
public interface CallCounters {

    /** What a call counts for. */
    enum Kind {
        /** A call-limit extension (CLX-02). */
        CALL_LIMIT,
        /** A user's external calls (ECL-01). */
        EXTERNAL,
        /** A user's calls (busy, USR-11). */
        USER,
        /** A channel's calls (its call limit, CH-04). */
        CHANNEL
    }

    /** One call's count for one thing; releasing it a second time does nothing. */
    interface Lease {
        void release();
    }

    Lease take(long tenantId, Kind kind, String key);

    /** The calls now per key (keys without calls absent). */
    Map<String, Integer> counts(long tenantId, Kind kind);

    default int count(long tenantId, Kind kind, String key) {
        return counts(tenantId, kind).getOrDefault(key, 0);
    }
}
