package org.reachpbx.media.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.rtp.RtpPacket;

/**
 * The one RTP stream a session sends, whatever feeds it (prompts, RFC 4733 events, relayed
 * packets): one random SSRC, one sequence counter, and timestamps tied to the media clock
 * ({@code base + tick × 160}), so the stream stays continuous across prompt changes, digits,
 * re-INVITEs and relay start/stop, and phones never see a timestamp jump. A relayed packet's
 * sequence number and timestamp are shifted by offsets fixed when its source stream starts (or when
 * our own packets interrupted it), which keeps the source's spacing and loss visible. One send
 * buffer, reused. Not thread-safe: the owning session serialises access.
 */
final class OutgoingStream {
    private final DatagramChannel channel;
    private final long ssrc = ThreadLocalRandom.current().nextLong(1, 1L << 32);
    private long tsBase = ThreadLocalRandom.current().nextLong(0, 1L << 32);
    /** RTP timestamp units per tick (20 ms): 160 at 8 kHz, 960 for Opus's 48 kHz clock. */
    private int samplesPerTick = MediaClock.SAMPLES_PER_TICK;
    private int lastRelaySeq;
    private long relayTs;
    private final byte[] buf = new byte[1500];
    private final ByteBuffer out = ByteBuffer.wrap(buf);
    private int seq = ThreadLocalRandom.current().nextInt(0, 1 << 15);
    private long lastAudioTick = Long.MIN_VALUE;
    private long eventTs;
    private long lastTs;
    private long packets;
    private long octets;
    private boolean relayMapped;
    private long relaySsrc;
    private int seqOffset;
    private long tsOffset;

    OutgoingStream(DatagramChannel channel) {
        this.channel = channel;
    }

    /**
     * Uses {@code codec}'s RTP clock from {@code tick} on; the timestamp base is moved so the stream's
     * timestamps stay continuous across the change (a re-INVITE from G.711 to Opus).
     */
    void useClockOf(Codec codec, long tick) {
        int next = codec.samplesPerFrame();
        if (next != samplesPerTick) {
            long now = timestamp(tick);
            samplesPerTick = next;
            tsBase = (now - tick * next) & 0xFFFFFFFFL;
            relayMapped = false;
        }
    }

    long ssrc() {
        return ssrc;
    }

    long packets() {
        return packets;
    }

    long octets() {
        return octets;
    }

    long lastTimestamp() {
        return lastTs;
    }

    /** Where the caller writes an audio payload before {@link #sendAudio}. */
    byte[] payloadBuffer() {
        return buf;
    }

    /** Sends the audio frame at {@code buf[12..12+len)} for {@code tick}; the marker starts a talkspurt. */
    void sendAudio(InetSocketAddress to, long tick, int pt, int len) throws IOException {
        boolean marker = lastAudioTick != tick - 1;
        lastAudioTick = tick;
        RtpPacket.writeHeader(buf, marker, pt, nextSeq(), timestamp(tick), ssrc);
        relayMapped = false;
        send(to, RtpPacket.HEADER + len);
    }

    /** Sends one RFC 4733 packet; a new event takes this tick's timestamp and the marker bit. */
    void sendEvent(InetSocketAddress to, long tick, boolean newEvent, int pt, byte[] payload, int len) throws IOException {
        if (newEvent) {
            eventTs = timestamp(tick);
        }
        RtpPacket.write(buf, newEvent, pt, nextSeq(), eventTs, ssrc, payload, 0, len);
        lastAudioTick = Long.MIN_VALUE; // audio after an event starts a new talkspurt
        relayMapped = false;
        send(to, RtpPacket.HEADER + len);
    }

    /**
     * Sends a packet of the other leg as ours: payload type {@code pt}, our SSRC, shifted sequence and
     * timestamp. {@code packet} is a view on {@code data}, which is rewritten in place.
     */
    void relay(InetSocketAddress to, RtpPacket packet, ByteBuffer data, int pt, long samplesNow) throws IOException {
        if (!relayMapped || packet.ssrc() != relaySsrc) {
            relayMapped = true;
            relaySsrc = packet.ssrc();
            seqOffset = seq - packet.sequence();
            tsOffset = tsBase + samplesNow * (samplesPerTick / MediaClock.SAMPLES_PER_TICK) - packet.timestamp();
            packet.setMarker(true);
        }
        int outSeq = (packet.sequence() + seqOffset) & 0xFFFF;
        if (RtpPacket.seqDelta(seq, outSeq) >= 0) {
            seq = (outSeq + 1) & 0xFFFF;
        }
        lastTs = (packet.timestamp() + tsOffset) & 0xFFFFFFFFL;
        packet.setPayloadType(pt);
        packet.setSequence(outSeq);
        packet.setTimestamp(lastTs);
        packet.setSsrc(ssrc);
        data.limit(packet.length()).position(0);
        channel.send(data, to);
        packets++;
        octets += packet.payloadLength();
    }

    /**
     * Sends a frame of the other leg that we transcoded into {@code buf[12..12+len)} (between Opus
     * and G.711, whose clocks differ): our own sequence numbers, and a timestamp that advances one
     * frame per source sequence number, so the source's losses stay visible as timestamp gaps. Late
     * or repeated source packets are dropped: the encoder has already moved past them.
     */
    void relayFrame(InetSocketAddress to, long sourceSsrc, int sourceSeq, int pt, int len, long samplesNow) throws IOException {
        boolean marker = false;
        if (!relayMapped || sourceSsrc != relaySsrc) {
            relayMapped = true;
            relaySsrc = sourceSsrc;
            lastRelaySeq = (sourceSeq - 1) & 0xFFFF;
            relayTs = tsBase + samplesNow * (samplesPerTick / MediaClock.SAMPLES_PER_TICK) - samplesPerTick;
            marker = true;
        }
        int ahead = RtpPacket.seqDelta(lastRelaySeq, sourceSeq);
        if (ahead <= 0) {
            return;
        }
        lastRelaySeq = sourceSeq;
        relayTs += (long) ahead * samplesPerTick;
        RtpPacket.writeHeader(buf, marker, pt, nextSeq(), relayTs & 0xFFFFFFFFL, ssrc);
        send(to, RtpPacket.HEADER + len);
    }

    long timestamp(long tick) {
        return (tsBase + tick * samplesPerTick) & 0xFFFFFFFFL;
    }

    private int nextSeq() {
        int s = seq;
        seq = (seq + 1) & 0xFFFF;
        return s;
    }

    private void send(InetSocketAddress to, int len) throws IOException {
        lastTs = RtpPacket.timestampOf(buf);
        out.limit(len).position(0);
        channel.send(out, to);
        packets++;
        octets += len - RtpPacket.HEADER;
    }
}
