package org.reachpbx.media.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How evenly packets arrived: inter-arrival statistics against the expected interval (20 ms), the
 * drift of the whole stream, and the RFC 3550 interarrival jitter from arrival times and RTP
 * timestamps. For benchmarks and for "the prompt is paced, not bursted" checks.
 *
 * @param packets          packets looked at
 * @param meanIntervalMs   mean time between consecutive arrivals
 * @param minIntervalMs    shortest gap
 * @param maxIntervalMs    longest gap
 * @param p50DeviationMs   median of |gap - expected|
 * @param p99DeviationMs   99th percentile of |gap - expected|
 * @param maxDeviationMs   largest |gap - expected|
 * @param driftMs          (last - first arrival) - (packets - 1) x expected: positive when slow
 * @param jitterMs         RFC 3550 interarrival jitter at the end of the stream (8 kHz clock)
 */
public record PacketTiming(int packets, double meanIntervalMs, double minIntervalMs, double maxIntervalMs,
                           double p50DeviationMs, double p99DeviationMs, double maxDeviationMs, double driftMs,
                           double jitterMs) {

    public static PacketTiming of(List<ReceivedPacket> packets) {
        return of(packets, Duration.ofMillis(20));
    }

    /** Statistics over the packets in list order (arrival order for {@link RtpTestPeer#received()}). */
    public static PacketTiming of(List<ReceivedPacket> packets, Duration expected) {
        int n = packets.size();
        if (n < 2) {
            return new PacketTiming(n, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        double expectedMs = expected.toNanos() / 1e6;
        double[] gaps = new double[n - 1];
        double[] deviations = new double[n - 1];
        double sum = 0;
        double jitter = 0;
        for (int i = 1; i < n; i++) {
            ReceivedPacket a = packets.get(i - 1);
            ReceivedPacket b = packets.get(i);
            gaps[i - 1] = (b.arrivalNanos() - a.arrivalNanos()) / 1e6;
            deviations[i - 1] = Math.abs(gaps[i - 1] - expectedMs);
            sum += gaps[i - 1];
            long tsDelta = (b.timestamp() - a.timestamp()) & 0xFFFFFFFFL;
            if (tsDelta > 0x7FFFFFFFL) {
                tsDelta -= 1L << 32;
            }
            double d = gaps[i - 1] - tsDelta / 8.0;
            jitter += (Math.abs(d) - jitter) / 16;
        }
        double[] sortedGaps = gaps.clone();
        Arrays.sort(sortedGaps);
        double[] sortedDev = deviations.clone();
        Arrays.sort(sortedDev);
        double span = (packets.get(n - 1).arrivalNanos() - packets.get(0).arrivalNanos()) / 1e6;
        return new PacketTiming(n, sum / (n - 1), sortedGaps[0], sortedGaps[n - 2], percentile(sortedDev, 0.50),
                percentile(sortedDev, 0.99), sortedDev[n - 2], span - (n - 1) * expectedMs, jitter);
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** One line for a benchmark report. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d packets, interval mean %.2f ms (min %.2f, max %.2f), |dev| p50 %.2f p99 %.2f max %.2f ms, drift %.1f ms, jitter %.2f ms",
                packets, meanIntervalMs, minIntervalMs, maxIntervalMs, p50DeviationMs, p99DeviationMs,
                maxDeviationMs, driftMs, jitterMs);
    }
}
