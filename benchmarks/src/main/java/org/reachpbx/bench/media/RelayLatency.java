package org.reachpbx.bench.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reachpbx.media.testing.RtpPcap;

/**
 * The latency the server's RTP relay adds (run-media.sh relay), from two captures on lo with the
 * kernel's timestamps: {@code in} holds the caller's packets to the server (one stream per server
 * port), {@code out} the server's packets to the callee (one stream per server port). The relay
 * forwards every packet it receives, in order, with its own sequence numbers and the payload
 * unchanged, so an out-stream belongs to the in-stream whose sequence numbers sit at one constant
 * offset from its own with the same payload; the pairing and the offset are found by a vote over
 * the packets whose captured payload is not flat (silence is the same in every call), each voting
 * for the latest earlier in-packet with its payload (every call plays the same capture, started
 * at least the ramp's spacing apart). Latency is
 * then, for every out-packet, its time minus the time of the in-packet with the sequence number
 * {@code seq - offset}. A stream whose winning pairing has under 90 % of its votes is left out and
 * counted ({@code unclear_streams}): there the relay's delay exceeded the calls' spacing (5 s / N),
 * and the figure would be a guess. Writes {@code key=value} lines: pairs, unclear_streams, matched,
 * latency_p50_ms, latency_p99_ms, latency_max_ms.
 *
 * <p>{@code java -cp … org.reachpbx.bench.media.RelayLatency in.pcap out.pcap result.properties}
 */
public final class RelayLatency {

    private RelayLatency() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: RelayLatency in.pcap out.pcap result.properties");
            System.exit(2);
        }
        Map<String, String> result = measure(RtpPcap.read(Path.of(args[0])), RtpPcap.read(Path.of(args[1])));
        StringBuilder text = new StringBuilder();
        result.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(Path.of(args[2]), text);
        System.out.print(text);
    }

    static Map<String, String> measure(List<RtpPcap.Packet> in, List<RtpPcap.Packet> out) {
        // in-packets by payload (the distinctive ones only), and by stream and sequence number
        Map<String, List<RtpPcap.Packet>> byPayload = new HashMap<>();
        Map<Long, RtpPcap.Packet> bySeq = new HashMap<>();
        for (RtpPcap.Packet p : in) {
            bySeq.put(key(p.destinationPort(), p.seq()), p);
            if (distinctive(p.payload())) {
                byPayload.computeIfAbsent(Arrays.toString(p.payload()), k -> new ArrayList<>()).add(p);
            }
        }
        Map<Integer, List<RtpPcap.Packet>> outStreams = new HashMap<>();
        for (RtpPcap.Packet p : out) {
            outStreams.computeIfAbsent(p.sourcePort(), k -> new ArrayList<>()).add(p);
        }
        List<Long> latencies = new ArrayList<>();
        int pairs = 0;
        int unclear = 0;
        for (List<RtpPcap.Packet> stream : outStreams.values()) {
            // vote: (in-stream port, sequence offset) of payload twins that came before, within 1 s
            Map<Long, Integer> votes = new HashMap<>();
            for (RtpPcap.Packet o : stream) {
                if (!distinctive(o.payload())) {
                    continue;
                }
                // every call plays the same audio: the twin sent last before this packet is the one
                // relayed (other calls started at least the ramp's spacing earlier)
                RtpPcap.Packet twin = null;
                for (RtpPcap.Packet i : byPayload.getOrDefault(Arrays.toString(o.payload()), List.of())) {
                    long dt = o.nanos() - i.nanos();
                    if (dt >= 0 && dt < 1_000_000_000L && (twin == null || i.nanos() > twin.nanos())) {
                        twin = i;
                    }
                }
                if (twin != null) {
                    votes.merge(key(twin.destinationPort(), (o.seq() - twin.seq()) & 0xFFFF), 1, Integer::sum);
                }
            }
            Map.Entry<Long, Integer> best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
            int total = votes.values().stream().mapToInt(Integer::intValue).sum();
            if (best == null || best.getValue() < 10) {
                continue;
            }
            if (best.getValue() < 0.9 * total) {
                // the relay's delay exceeded the calls' spacing: the latest twin is often another
                // call's packet, so the pairing is a guess; such a stream is left out (counted)
                unclear++;
                continue;
            }
            pairs++;
            int inPort = (int) (best.getKey() >>> 16);
            int offset = (int) (best.getKey() & 0xFFFF);
            for (RtpPcap.Packet o : stream) {
                RtpPcap.Packet i = bySeq.get(key(inPort, (o.seq() - offset) & 0xFFFF));
                if (i != null && Arrays.equals(i.payload(), o.payload()) && o.nanos() >= i.nanos()) {
                    latencies.add(o.nanos() - i.nanos());
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, String> r = new LinkedHashMap<>();
        r.put("pairs", Integer.toString(pairs));
        r.put("unclear_streams", Integer.toString(unclear));
        r.put("out_streams", Integer.toString(outStreams.size()));
        r.put("matched", Integer.toString(sorted.length));
        r.put("out_packets", Integer.toString(out.size()));
        r.put("latency_p50_ms", ms(percentile(sorted, 0.50)));
        r.put("latency_p99_ms", ms(percentile(sorted, 0.99)));
        r.put("latency_max_ms", ms(sorted.length == 0 ? -1 : sorted[sorted.length - 1]));
        return r;
    }

    private static long key(int port, int seq) {
        return ((long) port << 16) | (seq & 0xFFFF);
    }

    /** A payload that is not one byte repeated (silence, the same in every call). */
    private static boolean distinctive(byte[] payload) {
        for (int i = 1; i < payload.length; i++) {
            if (payload[i] != payload[0]) {
                return payload.length >= 8;
            }
        }
        return false;
    }

    private static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "?" : String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
