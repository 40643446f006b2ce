package org.reachpbx.media.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The RTP side of a test phone on 127.0.0.1: an even RTP port (RTCP bound on the next odd one and
 * drained), SDP for its offers and answers, real 20 ms G.711 packets paced by absolute deadlines,
 * RFC 4733 digits, and a receiver that keeps every packet for the test to inspect.
 *
 * <pre>{@code
 * try (RtpTestPeer phone = new RtpTestPeer()) {
 *     String offer = phone.sdpOffer(List.of("PCMU", "PCMA"), true);
 *     ... INVITE with offer, 200 OK with answer ...
 *     phone.remoteFromSdp(answer);
 *     phone.sendDigits("123#").join();
 *     phone.awaitPackets(50, Duration.ofSeconds(2));
 *     assertThat(AudioCheck.hasTone(phone.receivedAudio(), 1000)).isTrue();
 * }
 * }</pre>
 *
 * <p>Sending runs on one background thread, one job after the other in call order; every send
 * method returns a future that completes when its last packet has left. One RTP stream (SSRC,
 * sequence numbers, timestamps) spans all jobs: after an idle gap the timestamp jumps by the gap,
 * as for a phone with silence suppression, and the first packet of each talk spurt has the marker.
 *
 * <p>The receiver runs from construction on; {@link #stopReceiving()} makes it drop (but still
 * read) packets until {@link #startReceiving()}. RTCP packets (on the odd port, or multiplexed
 * with payload types 72-76) are only counted.
 */
public final class RtpTestPeer implements AutoCloseable {
    public static final int DEFAULT_TELEPHONE_EVENT_PT = 101;
    public static final int SAMPLE_RATE = 8000;
    public static final int SAMPLES_PER_PACKET = 160;
    private static final long PACKET_NANOS = 20_000_000L;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final ExecutorService sender;
    private final Thread rtpReader;
    private final Thread rtcpReader;
    private final Object lock = new Object();
    private final List<ReceivedPacket> received = new ArrayList<>();
    private final AtomicInteger rtcpPackets = new AtomicInteger();
    private final AtomicInteger droppedPackets = new AtomicInteger();
    private final AtomicInteger sentPackets = new AtomicInteger();
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    private final AtomicInteger sdpVersion = new AtomicInteger();
    private volatile boolean keeping = true;
    private volatile boolean closed;
    private volatile InetSocketAddress remote;
    private volatile int payloadType = 0;
    private volatile int telephoneEventPt = DEFAULT_TELEPHONE_EVENT_PT;
    private volatile InetSocketAddress lastSource;
    private volatile int audioPacketSamples = SAMPLES_PER_PACKET;

    // The outgoing stream; touched only by the sender thread.
    private final long ssrc = ThreadLocalRandom.current().nextLong(1L << 32);
    private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private long timestamp = ThreadLocalRandom.current().nextLong(1L << 32);
    private long nextDeadline;
    private boolean streaming;
    private boolean marker;
    private TestOpus opusOut;

    /** Binds an even ephemeral RTP port and the odd RTCP port above it on 127.0.0.1. */
    public RtpTestPeer() {
        DatagramSocket[] pair = bindEvenPair();
        this.rtp = pair[0];
        this.rtcp = pair[1];
        this.sender = Executors.newSingleThreadExecutor(r -> daemon(r, "rtp-peer-send-" + port()));
        this.rtpReader = daemon(this::readRtp, "rtp-peer-recv-" + port());
        this.rtcpReader = daemon(this::readRtcp, "rtp-peer-rtcp-" + port());
        rtpReader.start();
        rtcpReader.start();
    }

    /** The local RTP port (even). RTCP is {@code port() + 1}. */
    public int port() {
        return rtp.getLocalPort();
    }

    /** 127.0.0.1 and {@link #port()}: where the other side should send. */
    public InetSocketAddress address() {
        return new InetSocketAddress(LOOPBACK, port());
    }

    /** Our SSRC (unsigned 32 bits). */
    public long ssrc() {
        return ssrc;
    }

    // ---------------------------------------------------------------- SDP

    /** An offer with {@code a=sendrecv}; codecs by name ("PCMU", "PCMA") in preference order. */
    public String sdpOffer(List<String> codecs, boolean telephoneEvent) {
        return sdp(codecs, telephoneEvent, SdpDirection.SENDRECV);
    }

    /** An offer with the given direction: SENDONLY or INACTIVE put the other side on hold. */
    public String sdpOffer(List<String> codecs, boolean telephoneEvent, SdpDirection direction) {
        return sdp(codecs, telephoneEvent, direction);
    }

    /** An answer with {@code a=sendrecv}, usually with the one codec chosen. */
    public String sdpAnswer(List<String> codecs, boolean telephoneEvent) {
        return sdp(codecs, telephoneEvent, SdpDirection.SENDRECV);
    }

    /** An answer with the given direction (RECVONLY to answer a hold). */
    public String sdpAnswer(List<String> codecs, boolean telephoneEvent, SdpDirection direction) {
        return sdp(codecs, telephoneEvent, direction);
    }

    /**
     * SDP as a phone writes it: {@code c=IN IP4 127.0.0.1}, {@code m=audio <port> RTP/AVP <pts>},
     * rtpmap lines, telephone-event 101 with {@code fmtp 0-16}, {@code ptime:20}, the direction.
     * The o= version goes up with every call, as a re-INVITE needs. Lines end in CRLF.
     */
    public String sdp(List<String> codecs, boolean telephoneEvent, SdpDirection direction) {
        if (codecs.isEmpty() && !telephoneEvent) {
            throw new IllegalArgumentException("no payload types");
        }
        StringBuilder pts = new StringBuilder();
        StringBuilder maps = new StringBuilder();
        for (String codec : codecs) {
            int pt = payloadTypeOf(codec);
            pts.append(' ').append(pt);
            maps.append("a=rtpmap:").append(pt).append(' ').append(pt == TestOpus.PAYLOAD_TYPE ? "opus/48000/2"
                    : codec.toUpperCase(java.util.Locale.ROOT) + "/8000").append("\r\n");
        }
        if (telephoneEvent) {
            pts.append(' ').append(DEFAULT_TELEPHONE_EVENT_PT);
            maps.append("a=rtpmap:").append(DEFAULT_TELEPHONE_EVENT_PT).append(" telephone-event/8000\r\n");
            maps.append("a=fmtp:").append(DEFAULT_TELEPHONE_EVENT_PT).append(" 0-16\r\n");
        }
        return "v=0\r\n"
                + "o=- " + sessionId + ' ' + sdpVersion.getAndIncrement() + " IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port() + " RTP/AVP" + pts + "\r\n"
                + maps
                + "a=ptime:20\r\n"
                + "a=" + direction.attribute() + "\r\n";
    }

    /** 0 for PCMU, 8 for PCMA, 111 for OPUS (case-insensitive). */
    public static int payloadTypeOf(String codec) {
        return switch (codec.toUpperCase(java.util.Locale.ROOT)) {
            case "PCMU" -> 0;
            case "PCMA" -> 8;
            case "OPUS" -> TestOpus.PAYLOAD_TYPE;
            default -> throw new IllegalArgumentException("the test peer speaks PCMU, PCMA and OPUS, not " + codec);
        };
    }

    // ---------------------------------------------------------------- where to send

    /** Where to send, the audio payload type (0 or 8 for G.711, 111 for Opus) and the telephone-event type (-1: none). */
    public RtpTestPeer remote(InetSocketAddress remote, int payloadType, int telephoneEventPt) {
        if (!G711.isG711(payloadType) && payloadType != TestOpus.PAYLOAD_TYPE) {
            throw new IllegalArgumentException("payload type " + payloadType + " is neither G.711 (0 or 8) nor Opus (111)");
        }
        this.remote = remote;
        this.payloadType = payloadType;
        this.telephoneEventPt = telephoneEventPt;
        return this;
    }

    /** {@link #remote} from the other side's SDP: its address, first G.711 or Opus type, telephone-event type. */
    public RtpTestPeer remoteFromSdp(String sdp) {
        SdpInfo info = SdpInfo.parse(sdp);
        int audio = info.payloadTypes().stream()
                .filter(pt -> G711.isG711(pt) || (pt == TestOpus.PAYLOAD_TYPE && info.encodings().getOrDefault(pt, "")
                        .toLowerCase(java.util.Locale.ROOT).startsWith("opus/48000")))
                .findFirst().orElse(-1);
        if (!info.hasAudio() || audio < 0) {
            throw new IllegalArgumentException("no G.711 or Opus audio stream in SDP:\n" + sdp);
        }
        return remote(info.mediaAddress(), audio, info.telephoneEventPt());
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public int payloadType() {
        return payloadType;
    }

    public int telephoneEventPt() {
        return telephoneEventPt;
    }

    // ---------------------------------------------------------------- sending

    /** A sine tone at half of full scale (-6 dBFS). */
    public CompletableFuture<Void> sendTone(double hz, Duration length) {
        return sendPcm(ToneGenerator.sine(hz, length));
    }

    /**
     * Audio packet size from now on, in samples: 80 (10 ms), 160 (20 ms, the default) or 240
     * (30 ms, what phones preferring ptime 30 send whatever the answer says). RFC 4733 events stay
     * at 20 ms.
     */
    public RtpTestPeer audioPacketSamples(int samples) {
        if (samples <= 0 || samples > 480) {
            throw new IllegalArgumentException("packet size " + samples + " samples: must be 1..480");
        }
        this.audioPacketSamples = samples;
        return this;
    }

    /** Sends the samples (8 kHz) in packets of {@link #audioPacketSamples} (20 ms by default), the last one padded with silence. */
    public CompletableFuture<Void> sendPcm(short[] samples) {
        short[] copy = samples.clone();
        return submit(() -> sendAudio(copy));
    }

    /** Sends digital silence packets (a phone that keeps sending while nobody speaks). */
    public CompletableFuture<Void> sendSilence(Duration length) {
        return sendPcm(ToneGenerator.silence(length));
    }

    /** RFC 4733 events, 100 ms each with 100 ms of silence packets after each digit. */
    public CompletableFuture<Void> sendDigits(String digits) {
        return sendDigits(digits, Duration.ofMillis(100), Duration.ofMillis(100));
    }

    /**
     * RFC 4733 events: per digit one packet every 20 ms with the event's start timestamp, the
     * marker on the first, the duration growing by 160; then three end packets (E bit, final
     * duration, same timestamp); then {@code pause} of silence audio packets.
     */
    public CompletableFuture<Void> sendDigits(String digits, Duration tone, Duration pause) {
        int[] events = digits.chars().map(c -> DtmfEvent.eventOf((char) c)).toArray();
        int packets = Math.max(1, (int) (tone.toMillis() / 20));
        short[] gap = ToneGenerator.silence(pause);
        return submit(() -> {
            if (telephoneEventPt < 0) {
                throw new IllegalStateException("no telephone-event payload type negotiated");
            }
            for (int event : events) {
                sendEvent(event, packets);
                sendAudio(gap);
            }
        });
    }

    /** Packets sent so far (audio and events). */
    public int sentPackets() {
        return sentPackets.get();
    }

    private CompletableFuture<Void> submit(Runnable job) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        return CompletableFuture.runAsync(job, sender);
    }

    private void sendAudio(short[] samples) {
        beginTalkspurt();
        int pt = payloadType;
        int size = audioPacketSamples;
        boolean opus = pt == TestOpus.PAYLOAD_TYPE;
        if (opus && opusOut == null) {
            opusOut = new TestOpus();
        }
        for (int offset = 0; offset < samples.length; offset += size) {
            short[] frame = Arrays.copyOfRange(samples, offset, offset + size);
            send(pt, marker, timestamp, opus ? opusOut.encode(frame) : G711.encode(pt, frame), size);
            marker = false;
            timestamp += opus ? (long) size * TestOpus.CLOCK_FACTOR : size;
        }
    }

    private void sendEvent(int event, int packets) {
        beginTalkspurt();
        long start = timestamp;
        int pt = telephoneEventPt;
        for (int i = 1; i <= packets; i++) {
            send(pt, i == 1, start, eventPayload(event, false, i * SAMPLES_PER_PACKET), SAMPLES_PER_PACKET);
            timestamp += SAMPLES_PER_PACKET;
        }
        for (int i = 0; i < 3; i++) {
            send(pt, false, start, eventPayload(event, true, packets * SAMPLES_PER_PACKET), SAMPLES_PER_PACKET);
            timestamp += SAMPLES_PER_PACKET;
        }
        marker = false;
    }

    private static byte[] eventPayload(int event, boolean end, int duration) {
        int volume = 10;
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** After an idle gap the stream resumes now, its timestamp advanced by the gap, with the marker. */
    private void beginTalkspurt() {
        long now = System.nanoTime();
        if (!streaming) {
            streaming = true;
            nextDeadline = now;
            marker = true;
        } else if (now - nextDeadline > PACKET_NANOS) {
            long gapPackets = (now - nextDeadline) / PACKET_NANOS;
            timestamp += gapPackets * SAMPLES_PER_PACKET;
            nextDeadline = now;
            marker = true;
        }
    }

    private void send(int pt, boolean m, long ts, byte[] payload, int samples) {
        InetSocketAddress to = remote;
        if (to == null) {
            throw new IllegalStateException("no remote address: call remote(...) or remoteFromSdp(...) first");
        }
        long wait;
        while ((wait = nextDeadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        nextDeadline += samples * (1_000_000_000L / SAMPLE_RATE);
        byte[] packet = new byte[12 + payload.length];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((m ? 0x80 : 0) | (pt & 0x7F));
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        putInt(packet, 4, ts);
        putInt(packet, 8, ssrc);
        System.arraycopy(payload, 0, packet, 12, payload.length);
        sequence = (sequence + 1) & 0xFFFF;
        try {
            rtp.send(new DatagramPacket(packet, packet.length, to));
            sentPackets.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putInt(byte[] b, int at, long v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }

    // ---------------------------------------------------------------- receiving

    /** Keep received packets again (the default). */
    public void startReceiving() {
        keeping = true;
    }

    /** Read but drop arriving packets (counted in {@link #droppedPackets()}) until {@link #startReceiving()}. */
    public void stopReceiving() {
        keeping = false;
    }

    /** Every RTP packet kept so far, in arrival order. */
    public List<ReceivedPacket> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    public List<ReceivedPacket> packetsFrom(InetSocketAddress source) {
        return received().stream().filter(p -> p.source().equals(source)).toList();
    }

    /** The G.711 packets (PT 0 and 8) decoded and joined in arrival order; other types are skipped. */
    public short[] receivedAudio() {
        return audioOf(received());
    }

    /** G.711 packets (PT 0 and 8) decoded and joined in list order; an Opus stream (PT 111) when it holds no G.711. */
    public static short[] audioOf(List<ReceivedPacket> packets) {
        if (packets.stream().noneMatch(p -> G711.isG711(p.payloadType()))
                && packets.stream().anyMatch(p -> p.payloadType() == TestOpus.PAYLOAD_TYPE)) {
            return TestOpus.decode(packets.stream().filter(p -> p.payloadType() == TestOpus.PAYLOAD_TYPE)
                    .map(ReceivedPacket::payload).toList());
        }
        int total = 0;
        for (ReceivedPacket p : packets) {
            if (G711.isG711(p.payloadType())) {
                total += p.payload().length;
            }
        }
        short[] out = new short[total];
        int at = 0;
        for (ReceivedPacket p : packets) {
            if (G711.isG711(p.payloadType())) {
                short[] s = p.audio();
                System.arraycopy(s, 0, out, at, s.length);
                at += s.length;
            }
        }
        return out;
    }

    /** The digits of the RFC 4733 events received (telephone-event PT of {@link #remote}), each once. */
    public String receivedDigits() {
        StringBuilder sb = new StringBuilder();
        for (DtmfEvent e : receivedDigitEvents()) {
            sb.append(e.digit());
        }
        return sb.toString();
    }

    /** RFC 4733 events, one per (SSRC, timestamp), in order of their first packet. */
    public List<DtmfEvent> receivedDigitEvents() {
        return eventsOf(received(), telephoneEventPt);
    }

    /** RFC 4733 events in the packets of the given payload type, one per (SSRC, timestamp). */
    public static List<DtmfEvent> eventsOf(List<ReceivedPacket> packets, int telephoneEventPt) {
        Map<String, DtmfEvent> events = new LinkedHashMap<>();
        for (ReceivedPacket p : packets) {
            if (p.payloadType() != telephoneEventPt || p.payload().length < 4) {
                continue;
            }
            byte[] b = p.payload();
            int event = b[0] & 0xFF;
            boolean end = (b[1] & 0x80) != 0;
            int volume = b[1] & 0x3F;
            int duration = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            String key = p.ssrc() + "/" + p.timestamp();
            DtmfEvent old = events.get(key);
            if (old == null) {
                events.put(key, new DtmfEvent(DtmfEvent.digitOf(event), event, p.timestamp(), duration, 1,
                        end ? 1 : 0, volume, p.marker(), p.arrivalNanos()));
            } else {
                events.put(key, new DtmfEvent(old.digit(), old.event(), old.timestamp(),
                        Math.max(old.durationSamples(), duration), old.packets() + 1,
                        old.endPackets() + (end ? 1 : 0), old.volume(), old.markerOnFirst(), old.firstArrivalNanos()));
            }
        }
        return List.copyOf(events.values());
    }

    /** Waits until at least {@code n} packets are kept; false on timeout. */
    public boolean awaitPackets(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (received.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Waits until at least {@code n} RFC 4733 events have ended (E bit seen); false on timeout. */
    public boolean awaitDigits(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receivedDigitEvents().stream().filter(DtmfEvent::ended).count() < n) {
            synchronized (lock) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, 50_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Waits until nothing has arrived for {@code quiet}; false if packets kept coming until {@code timeout}. */
    public boolean awaitQuiet(Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long last;
            synchronized (lock) {
                last = received.isEmpty() ? 0 : received.get(received.size() - 1).arrivalNanos();
            }
            long since = System.nanoTime() - last;
            if (last == 0 || since >= quiet.toNanos()) {
                return true;
            }
            LockSupport.parkNanos(Math.min(quiet.toNanos() - since, deadline - System.nanoTime()));
        }
        return false;
    }

    public void clearReceived() {
        synchronized (lock) {
            received.clear();
        }
    }

    /** Where the last RTP packet came from (kept or not), null before the first. */
    public InetSocketAddress lastSource() {
        return lastSource;
    }

    /** RTCP packets received on the odd port or multiplexed on the RTP port. */
    public int rtcpPackets() {
        return rtcpPackets.get();
    }

    /** Packets read while {@link #stopReceiving()} was in force, and malformed ones. */
    public int droppedPackets() {
        return droppedPackets.get();
    }

    private void readRtp() {
        byte[] buf = new byte[2048];
        DatagramPacket dp = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                dp.setLength(buf.length);
                rtp.receive(dp);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            long now = System.nanoTime();
            InetSocketAddress from = (InetSocketAddress) dp.getSocketAddress();
            int len = dp.getLength();
            if (len >= 2 && (buf[1] & 0x7F) >= 72 && (buf[1] & 0x7F) <= 76) {
                rtcpPackets.incrementAndGet();
                continue;
            }
            ReceivedPacket packet = parse(buf, len, now, from);
            lastSource = from;
            if (packet == null || !keeping) {
                droppedPackets.incrementAndGet();
                continue;
            }
            synchronized (lock) {
                received.add(packet);
                lock.notifyAll();
            }
        }
    }

    private static ReceivedPacket parse(byte[] b, int len, long arrival, InetSocketAddress from) {
        if (len < 12 || (b[0] & 0xC0) != 0x80) {
            return null;
        }
        int csrcs = b[0] & 0x0F;
        boolean extension = (b[0] & 0x10) != 0;
        boolean padding = (b[0] & 0x20) != 0;
        int offset = 12 + 4 * csrcs;
        if (extension) {
            if (offset + 4 > len) {
                return null;
            }
            offset += 4 + 4 * (((b[offset + 2] & 0xFF) << 8) | (b[offset + 3] & 0xFF));
        }
        int end = padding ? len - (b[len - 1] & 0xFF) : len;
        if (offset > end) {
            return null;
        }
        return new ReceivedPacket(arrival, from, b[1] & 0x7F, ((b[2] & 0xFF) << 8) | (b[3] & 0xFF),
                uint32(b, 4), (b[1] & 0x80) != 0, uint32(b, 8), Arrays.copyOfRange(b, offset, end));
    }

    private static long uint32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private void readRtcp() {
        byte[] buf = new byte[2048];
        DatagramPacket dp = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                dp.setLength(buf.length);
                rtcp.receive(dp);
                rtcpPackets.incrementAndGet();
            } catch (SocketTimeoutException e) {
                // look at closed again
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- life cycle

    @Override
    public void close() {
        closed = true;
        sender.shutdownNow();
        rtp.close();
        rtcp.close();
        try {
            sender.awaitTermination(1, TimeUnit.SECONDS);
            rtpReader.join(1000);
            rtcpReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "RtpTestPeer[" + address() + " -> " + remote + " pt=" + payloadType + " te=" + telephoneEventPt + "]";
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static DatagramSocket[] bindEvenPair() {
        SocketException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            DatagramSocket first;
            try {
                first = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
            } catch (SocketException e) {
                last = e;
                continue;
            }
            int port = first.getLocalPort();
            if (port % 2 != 0 || port >= 65535) {
                first.close();
                continue;
            }
            try {
                DatagramSocket second = new DatagramSocket(new InetSocketAddress(LOOPBACK, port + 1));
                first.setSoTimeout(200);
                second.setSoTimeout(200);
                first.setReceiveBufferSize(1 << 20);
                return new DatagramSocket[] {first, second};
            } catch (SocketException e) {
                last = e;
                first.close();
            }
        }
        throw new UncheckedIOException(new IOException("no free even/odd UDP port pair on 127.0.0.1", last));
    }
}
