package org.reachpbx.bench.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The far end of the media benchmark (benchmarks/media/run-media.sh): one UDP port that every
 * benchmark call names in its SDP, so the server sends it the RTP of all its sessions. It keeps
 * per stream (SSRC) the arrival time and sequence number of the last packet and measures, for
 * consecutive packets of a stream, how far the time between them is from 20 ms (as
 * {@code org.reachpbx.media.testing.PacketTiming} does for one stream), in a histogram of 10 µs bins.
 * Gaps over 200 ms (a stream that paused between prompts) are not intervals. Sequence numbers
 * skipped count as lost, going back as reordered. On SIGTERM it writes its summary (one line, and
 * {@code key=value} lines to the file given) and exits. With {@code --pcap} it computes the same
 * from a tcpdump capture of the sink's port instead, on the kernel's timestamps.
 *
 * <pre>java -cp … org.reachpbx.bench.media.RtpSink 127.0.0.1 47000 result.properties
 * java -cp … org.reachpbx.bench.media.RtpSink --pcap sink.pcap result.properties</pre>
 */
public final class RtpSink {

    private static final long EXPECTED_NANOS = 20_000_000L;
    private static final long PAUSE_NANOS = 200_000_000L;
    private static final int BIN_NANOS = 10_000;
    private static final int BINS = (int) (PAUSE_NANOS / BIN_NANOS) + 1;

    private final long[] histogram = new long[BINS];
    private final Map<Long, long[]> streams = new HashMap<>();
    private long packets;
    private long intervals;
    private long lost;
    private long reordered;
    private long pauses;
    private long firstNanos;
    private long lastNanos;

    synchronized void onPacket(ByteBuffer b, long now) {
        if (b.remaining() < 12 || (b.get(0) & 0xC0) != 0x80) {
            return;
        }
        onPacket(b.getShort(2) & 0xFFFF, b.getInt(8) & 0xFFFFFFFFL, now);
    }

    /** One packet of stream {@code ssrc} with sequence number {@code seq}, arrived at {@code now} (ns). */
    synchronized void onPacket(int seq, long ssrc, long now) {
        packets++;
        if (firstNanos == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        long[] s = streams.get(ssrc);
        if (s == null) {
            streams.put(ssrc, new long[] {seq, now});
            return;
        }
        int d = (short) (seq - (int) s[0]);
        if (d <= 0) {
            reordered++;
            return;
        }
        lost += d - 1;
        long gap = now - s[1];
        s[0] = seq;
        s[1] = now;
        if (d != 1) {
            return;
        }
        if (gap > PAUSE_NANOS) {
            pauses++;
            return;
        }
        histogram[(int) (Math.abs(gap - EXPECTED_NANOS) / BIN_NANOS)]++;
        intervals++;
    }

    synchronized String summary(Map<String, String> out) {
        double p50 = percentile(0.50);
        double p99 = percentile(0.99);
        double p999 = percentile(0.999);
        double max = percentile(1.0);
        double seconds = (lastNanos - firstNanos) / 1e9;
        out.put("packets", Long.toString(packets));
        out.put("streams", Integer.toString(streams.size()));
        out.put("intervals", Long.toString(intervals));
        out.put("lost", Long.toString(lost));
        out.put("reordered", Long.toString(reordered));
        out.put("pauses", Long.toString(pauses));
        out.put("seconds", String.format(Locale.ROOT, "%.1f", seconds));
        out.put("dev_p50_ms", String.format(Locale.ROOT, "%.2f", p50));
        out.put("dev_p99_ms", String.format(Locale.ROOT, "%.2f", p99));
        out.put("dev_p999_ms", String.format(Locale.ROOT, "%.2f", p999));
        out.put("dev_max_ms", String.format(Locale.ROOT, "%.2f", max));
        return String.format(Locale.ROOT,
                "%d packets from %d streams in %.1f s (%.0f/s); %d intervals: |gap - 20 ms| p50 %.2f p99 %.2f p99.9 %.2f max %.2f ms; lost %d, reordered %d",
                packets, streams.size(), seconds, seconds > 0 ? packets / seconds : 0, intervals, p50, p99, p999, max, lost, reordered);
    }

    private double percentile(double p) {
        if (intervals == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * intervals));
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                return (i + 1) * BIN_NANOS / 1e6;
            }
        }
        return PAUSE_NANOS / 1e6;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--pcap")) {
            replay(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length != 3) {
            System.err.println("usage: RtpSink <address> <port> <result file> | RtpSink --pcap <capture> <result file>");
            System.exit(2);
        }
        RtpSink sink = new RtpSink();
        Path result = Path.of(args[2]);
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 16 << 20);
        channel.bind(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            String line = sink.summary(out);
            StringBuilder text = new StringBuilder();
            out.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            try {
                Files.writeString(result, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println(line);
        }));
        System.out.println("listening on " + channel.getLocalAddress());
        receive(sink, channel);
    }

    /**
     * The same statistics from a capture ({@code tcpdump -i lo -w … udp dst port <sink>}): the
     * kernel's timestamps, so the sink's own scheduling delays on a busy machine do not count.
     */
    static void replay(Path capture, Path result) throws IOException {
        RtpSink sink = new RtpSink();
        for (org.reachpbx.media.testing.RtpPcap.Packet p : org.reachpbx.media.testing.RtpPcap.read(capture)) {
            // a stream is an SSRC towards one port: SIPp sends every call's capture with the same SSRC
            sink.onPacket(p.seq(), p.ssrc() | ((long) p.destinationPort() << 32), p.nanos());
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String line = sink.summary(out);
        StringBuilder text = new StringBuilder();
        out.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(result, text);
        System.out.println(line);
    }

    private static void receive(RtpSink sink, DatagramChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(2048);
        while (true) {
            buf.clear();
            channel.receive(buf);
            long now = System.nanoTime();
            buf.flip();
            sink.onPacket(buf, now);
        }
    }
}
