package org.reachpbx.media;

/**
 * A snapshot of one session's counters: packets received and sent, lost, late (dropped by the
 * jitter buffer), duplicates, packets from a foreign address after latching, and bad packets.
 */
public record MediaStats(long received, long sent, long lost, long late, long duplicates, long foreign, long malformed) {
}
