package org.reachpbx.bench.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.reachpbx.media.rtp.RtpPacket;

/**
 * The RTP of both ends of the relay benchmark (run-media.sh relay, {@code RTP_SENDER=java}): every
 * call's G.711 audio, caller's and callee's, sent by ONE thread on absolute 20 ms deadlines
 * ({@code System.nanoTime}), each call from a UDP socket of its own. It replaces SIPp's
 * {@code play_pcap_audio}, a thread per call (1,000 threads at 500 relayed calls), which cannot pace
 * itself on the benchmark's two shared cores, and SIPp's {@code rtp_stream}, which sends pairs
 * whenever its thread wakes a millisecond late (docs/performance.md, "Relayed calls").
 *
 * <p>The sockets are bound before the calls, where SIPp's {@code [auto_media_port+OFFSET]} puts
 * call k's SDP: {@code first + 4 (k - 1)} on each address given. A stream starts, at once and then
 * every 20 ms, when
 * <ul>
 * <li>SIPp names its socket and the server's RTP address in a notice to the control port (the
 *     caller side: relay-caller-source.xml sends one after the ACK, with the port it read from the
 *     200's SDP, header lines {@code x-rtp-audio-source: ip:port} and {@code x-rtp-audio-destination: ip:port}),
 *     or</li>
 * <li>the first packet arrives on its socket (the callee side: the server relays the caller's audio
 *     there first), sent back to its source as a phone with symmetric RTP would.</li>
 * </ul>
 * Each stream plays the audio file once (headerless G.711 A-law: {@code RtpPcap raw}) with its own
 * SSRC, sequence numbers and timestamps. A packet is sent when its deadline has come; after a
 * stall the missed ones follow at once, so the capture shows the sender's own lateness. Stops on
 * SIGTERM.
 *
 * <pre>java -cp … org.reachpbx.bench.media.RtpSource message.alaw 127.0.0.2:45999 127.0.0.2:50000:500 127.0.0.3:52000:500</pre>
 */
public final class RtpSource {

    private static final long PACKET_NANOS = 20_000_000L;
    private static final int SAMPLES = 160;
    private static final int PCMA = 8;
    /** SIPp's {@code [auto_media_port]} steps 4 ports a call (RTP and RTCP, audio and video). */
    private static final int PORT_STEP = 4;

    /** One call's outgoing stream; after its start touched only by the pacing thread. */
    private static final class Stream {
        final DatagramChannel channel;
        final long ssrc = ThreadLocalRandom.current().nextLong(1L << 32);
        int seq = ThreadLocalRandom.current().nextInt(1 << 16);
        long timestamp = ThreadLocalRandom.current().nextLong(1L << 32);
        int sent;
        long deadline;
        boolean started;

        Stream(DatagramChannel channel) {
            this.channel = channel;
        }
    }

    private final byte[] audio;
    private final Queue<Stream> starting = new ConcurrentLinkedQueue<>();
    private volatile Thread pacer;

    private RtpSource(byte[] audio) {
        this.audio = audio;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: RtpSource audio.alaw <control ip:port> <ip:firstPort:count>...");
            System.exit(2);
        }
        RtpSource source = new RtpSource(Files.readAllBytes(Path.of(args[0])));
        Selector selector = Selector.open();
        DatagramChannel control = DatagramChannel.open().bind(address(args[1]));
        control.configureBlocking(false).register(selector, SelectionKey.OP_READ);
        Map<SocketAddress, Stream> streams = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] group = args[i].split(":");
            for (int k = 0; k < Integer.parseInt(group[2]); k++) {
                InetSocketAddress local = new InetSocketAddress(group[0], Integer.parseInt(group[1]) + PORT_STEP * k);
                DatagramChannel channel = DatagramChannel.open().bind(local);
                Stream stream = new Stream(channel);
                channel.configureBlocking(false).register(selector, SelectionKey.OP_READ, stream);
                streams.put(local, stream);
            }
        }
        Thread pacer = new Thread(source::pace, "rtp-source-pacer");
        source.pacer = pacer;
        pacer.start();
        System.out.println("rtp-source: " + streams.size() + " sockets, notices on " + args[1]);
        source.listen(selector, control, streams);
    }

    /** The selector thread: notices and first packets start streams; nothing else is read. */
    private void listen(Selector selector, DatagramChannel control, Map<SocketAddress, Stream> streams) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        while (true) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                buf.clear();
                SocketAddress from = ((DatagramChannel) key.channel()).receive(buf);
                if (from == null) {
                    continue;
                }
                if (key.channel() == control) {
                    buf.flip();
                    String notice = StandardCharsets.US_ASCII.decode(buf).toString();
                    Stream stream = streams.get(header(notice, "x-rtp-audio-source"));
                    SocketAddress to = header(notice, "x-rtp-audio-destination");
                    if (stream == null || to == null) {
                        System.err.println("rtp-source: notice without a known x-rtp-audio-source or an x-rtp-audio-destination: " + notice);
                    } else {
                        start(stream, to, selector);
                    }
                } else {
                    start((Stream) key.attachment(), from, selector);
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private void start(Stream stream, SocketAddress to, Selector selector) throws IOException {
        if (stream.started) {
            return;
        }
        stream.started = true;
        // stop reading it (the kernel drops what the server sends once its buffer is full), and
        // connect it, which spares every send the address checks
        stream.channel.keyFor(selector).cancel();
        stream.channel.connect(to);
        starting.add(stream);
        LockSupport.unpark(pacer);
    }

    /** The pacing thread: every stream's next packet in deadline order, sent when it is due. */
    private void pace() {
        PriorityQueue<Stream> due = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));
        ByteBuffer packet = ByteBuffer.allocateDirect(RtpPacket.HEADER + SAMPLES);
        byte[] header = new byte[RtpPacket.HEADER];
        int packets = audio.length / SAMPLES;
        while (true) {
            long now = System.nanoTime();
            for (Stream s; (s = starting.poll()) != null; ) {
                s.deadline = now;
                due.add(s);
            }
            Stream next = due.peek();
            if (next == null || next.deadline > now) {
                // woken early by a new stream (unpark) or by the deadline; parkNanos' own slack is
                // some 50-100 µs here
                LockSupport.parkNanos(next == null ? PACKET_NANOS : next.deadline - now);
                continue;
            }
            due.poll();
            RtpPacket.writeHeader(header, next.sent == 0, PCMA, next.seq, next.timestamp, next.ssrc);
            packet.clear();
            packet.put(header).put(audio, next.sent * SAMPLES, SAMPLES).flip();
            try {
                next.channel.write(packet);
            } catch (IOException e) {
                // ICMP unreachable after the call ended: the server has closed that port
                next.sent = packets;
            }
            next.sent++;
            next.seq = (next.seq + 1) & 0xFFFF;
            next.timestamp = (next.timestamp + SAMPLES) & 0xFFFFFFFFL;
            next.deadline += PACKET_NANOS;
            if (next.sent < packets) {
                due.add(next);
            }
        }
    }

    private static InetSocketAddress header(String notice, String name) {
        for (String line : notice.split("\r?\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return address(line.substring(name.length() + 1).trim());
            }
        }
        return null;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
