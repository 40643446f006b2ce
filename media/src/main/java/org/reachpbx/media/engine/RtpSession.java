package org.reachpbx.media.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.MediaStats;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;
import org.reachpbx.media.dtmf.DigitCollector;
import org.reachpbx.media.dtmf.InbandDetector;
import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.media.dtmf.Rfc4733Receiver;
import org.reachpbx.media.dtmf.Rfc4733Sender;
import org.reachpbx.media.play.Player;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recording;
import org.reachpbx.media.rtp.JitterBuffer;
import org.reachpbx.media.rtp.Reframer;
import org.reachpbx.media.rtp.RtpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP endpoint: wires the stages (latch, jitter buffer, reframer to 20 ms, RFC 4733 receiver,
 * digit collector, recorder tap ({@link RecordingTap}), player, RFC 4733 sender, relay, statistics)
 * to the three engine threads. The reader thread calls {@link #onRtp}/{@link #onRtcp}, the media
 * clock {@link #onTick}, the service any public method; each holds this session's lock briefly,
 * never two sessions' locks at once (a relayed packet is handed to the other leg after this lock is
 * released). Callbacks are posted to the engine's event thread. Closing delivers a running
 * recording (end STOPPED) but not a pending collection or playback.
 */
public final class RtpSession implements MediaSession {
    private static final Logger LOG = LoggerFactory.getLogger(RtpSession.class);
    private static final int FRAME = 160;

    private final RtpMediaEngine engine;
    private final int port;
    private final DatagramChannel rtpChannel;
    private final DatagramChannel rtcpChannel;
    private final OutgoingStream stream;
    private final Latch latch = new Latch();
    private final SessionCounters counters;
    private final RtcpEndpoint rtcp;
    private final JitterBuffer jitter;
    private final Reframer frames;
    private final Rfc4733Receiver dtmfIn = new Rfc4733Receiver(this::digitDetected);
    private final Rfc4733Sender dtmfOut = new Rfc4733Sender();
    private final DigitCollector collector = new DigitCollector();
    private final List<Consumer<Character>> digitListeners = new CopyOnWriteArrayList<>();
    private final byte[] frameIn = new byte[480];
    private final InbandDetector inband = new InbandDetector(this::digitDetected);
    private final Rfc4733Sender.Output eventOut = this::sendEventPacket;

    private Codec codec = Codec.PCMU;
    private int audioPt = Codec.PCMU.payloadType;
    private int telephoneEventPt = -1;
    private Codec inCodec = Codec.PCMU;
    private boolean sending = true;
    private Player player;
    private Runnable playDone;
    private final RecordingTap recording;
    private RtpSession peer;
    private MixMember mixMember;
    private long ownFrameTick = Long.MIN_VALUE;
    private long tick;
    private boolean closed;

    RtpSession(RtpMediaEngine engine, int port, DatagramChannel rtpChannel, DatagramChannel rtcpChannel, int jitterFrames) {
        this.engine = engine;
        this.port = port;
        this.rtpChannel = rtpChannel;
        this.rtcpChannel = rtcpChannel;
        this.stream = new OutgoingStream(rtpChannel);
        this.jitter = new JitterBuffer(jitterFrames);
        this.frames = new Reframer(jitter);
        this.counters = new SessionCounters(port);
        this.rtcp = new RtcpEndpoint(rtcpChannel, counters);
        this.recording = new RecordingTap(engine::post);
    }

    @Override
    public int rtpPort() {
        return port;
    }

    @Override
    public String advertisedAddress() {
        return engine.config().advertisedAddress();
    }

    @Override
    public void connect(InetSocketAddress remote, Codec codec, int telephoneEventPt) {
        connect(remote, codec, codec.payloadType, telephoneEventPt);
    }

    /** As {@link #connect(InetSocketAddress, Codec, int)}, for a codec the far end offered under another payload type. */
    public synchronized void connect(InetSocketAddress remote, Codec codec, int payloadType, int telephoneEventPt) {
        latch.connect(remote);
        rtcp.reset();
        this.codec = codec;
        this.audioPt = payloadType;
        this.telephoneEventPt = telephoneEventPt;
        if (telephoneEventPt < 0) {
            dtmfOut.clear();
        }
    }

    @Override
    public synchronized void setSending(boolean sending) {
        this.sending = sending;
    }

    @Override
    public synchronized void play(List<Prompt> prompts, boolean loop, Runnable whenDone) {
        player = new Player(prompts, loop);
        playDone = whenDone;
        if (player.done()) {
            finishPlaying();
        }
    }

    @Override
    public synchronized void stopPlaying() {
        player = null;
        playDone = null;
    }

    @Override
    public synchronized void record(RecordSpec spec, Consumer<Recording> whenDone) {
        recording.start(spec, whenDone);
    }

    @Override
    public synchronized void stopRecording() {
        recording.stop();
    }

    @Override
    public synchronized void collect(DigitSpec spec, Consumer<String> whenDone) {
        collector.start(spec, digits -> engine.post(() -> whenDone.accept(digits)), engine.clock().nowMs());
    }

    @Override
    public synchronized void digitFromSignalling(char digit) {
        digitDetected(digit);
    }

    @Override
    public void onDigit(Consumer<Character> listener) {
        digitListeners.add(listener);
    }

    @Override
    public synchronized void sendDigit(char digit) {
        if (telephoneEventPt < 0) {
            LOG.debug("session {}: digit {} not sent, no telephone-event negotiated", port, digit);
            return;
        }
        dtmfOut.send(digit);
    }

    @Override
    public void bridge(MediaSession other) {
        if (other != null && !(other instanceof RtpSession)) {
            throw new IllegalArgumentException("can only bridge to a session of the same engine");
        }
        RtpSession next = (RtpSession) other;
        if (next == this) {
            throw new IllegalArgumentException("a session cannot be bridged to itself");
        }
        if (next != null) { // a bridged pair is no longer in a conference
            leaveMixer();
            next.leaveMixer();
        }
        RtpSession previous = link(next);
        if (previous != null && previous != next) {
            previous.unlink(this);
        }
        if (next != null) {
            RtpSession theirs = next.link(this);
            if (theirs != null && theirs != this) {
                theirs.unlink(next);
            }
        }
    }

    /** Sets the relay partner (stopping our playback); returns the previous one. */
    private synchronized RtpSession link(RtpSession next) {
        RtpSession previous = peer;
        if (closed) {
            return null;
        }
        peer = next;
        if (next != null) {
            stopPlaying();
        }
        return previous;
    }

    private synchronized void unlink(RtpSession from) {
        if (peer == from) {
            peer = null;
        }
    }

    // ---- mixer hooks (see RtpMixer) ----

    RtpMediaEngine engine() {
        return engine;
    }

    private void leaveMixer() {
        MixMember mixing = mixMember();
        if (mixing != null) {
            mixing.mixer.remove(this);
        }
    }

    synchronized MixMember mixMember() {
        return mixMember;
    }

    /** Joins a mixer (stopping our playback, as a bridge does); false when already closed. */
    synchronized boolean enterMix(MixMember member) {
        if (closed) {
            return false;
        }
        mixMember = member;
        stopPlaying();
        return true;
    }

    synchronized void leaveMix(MixMember member) {
        if (mixMember == member) {
            mixMember = null;
        }
    }

    /** Media clock, after our tick: this tick's mix for our far end, unless our own prompt or digit has the stream. */
    synchronized void sendMixed(MixMember member, short[] pcm, long tick) {
        InetSocketAddress to = latch.target();
        if (closed || mixMember != member || !sending || to == null || player != null || dtmfOut.busy()
                || ownFrameTick == tick) {
            return;
        }
        G711.encode(codec, pcm, 0, FRAME, stream.payloadBuffer(), RtpPacket.HEADER);
        try {
            stream.sendAudio(to, tick, audioPt, FRAME);
        } catch (IOException e) {
            sendFailed(e);
        }
    }

    @Override
    public synchronized MediaStats stats() {
        return counters.snapshot(jitter, stream.packets());
    }

    /** RTCP counters (RTCP is answered per leg, never relayed). */
    public synchronized RtcpStats rtcpStats() {
        return counters.rtcp();
    }

    @Override
    public void close() {
        RtpSession previous;
        MixMember mixing;
        synchronized (this) {
            if (closed) {
                return;
            }
            recording.stop();
            closed = true;
            previous = peer;
            peer = null;
            mixing = mixMember;
            player = null;
            collector.cancel();
        }
        if (previous != null) {
            previous.unlink(this);
        }
        if (mixing != null) {
            mixing.mixer.remove(this);
        }
        engine.release(this, rtpChannel, rtcpChannel);
    }

    // ---- reader thread ----

    void onRtp(ByteBuffer data, RtpPacket packet, InetSocketAddress source) {
        RtpSession relayTo;
        Codec sourceCodec;
        boolean event;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!packet.parse(data.array(), data.position())) {
                counters.malformed("not an RTP packet", source);
                return;
            }
            int pt = packet.payloadType();
            event = telephoneEventPt >= 0 && pt == telephoneEventPt;
            sourceCodec = event ? null : codecOf(pt);
            if (!event && sourceCodec == null) { // comfort noise or other: keeps its turn, carries nothing for us
                if (latch.latched() && !latch.accept(source)) {
                    counters.foreign++;
                } else {
                    counters.received++;
                    jitter.offerGap(packet.ssrc(), packet.sequence());
                }
                return;
            }
            if (!latch.accept(source)) {
                counters.foreign++;
                return;
            }
            counters.received++;
            if (event) {
                dtmfIn.onPacket(packet.timestamp(), packet.buffer(), packet.payloadOffset(), packet.payloadLength(),
                        engine.clock().nowMs());
                jitter.offerGap(packet.ssrc(), packet.sequence());
            } else {
                inCodec = sourceCodec;
                jitter.offer(packet.ssrc(), packet.sequence(), packet.buffer(), packet.payloadOffset(), packet.payloadLength());
            }
            relayTo = peer;
        }
        if (relayTo != null) {
            relayTo.relayFrom(this, data, packet, sourceCodec, event);
        }
    }

    /** A packet of our relay partner, to be sent to our far end as part of our stream. */
    private synchronized void relayFrom(RtpSession source, ByteBuffer data, RtpPacket packet, Codec sourceCodec, boolean event) {
        InetSocketAddress to = latch.target();
        if (closed || peer != source || !sending || to == null || player != null || dtmfOut.busy()) {
            return; // not ours to relay now, or our own prompt/digit has the stream
        }
        int pt;
        if (event) {
            if (telephoneEventPt < 0) {
                return; // this leg has no telephone-event; the digit was still reported on the source leg
            }
            pt = telephoneEventPt;
        } else {
            G711.transcode(sourceCodec, codec, packet.buffer(), packet.payloadOffset(), packet.payloadLength());
            pt = audioPt;
        }
        try {
            stream.relay(to, packet, data, pt, engine.clock().samplesNow());
        } catch (IOException e) {
            sendFailed(e);
        }
    }

    void onRtcp(byte[] data, int length, InetSocketAddress source) {
        synchronized (this) {
            if (closed) {
                return;
            }
            rtcp.onPacket(data, length, source);
        }
    }

    synchronized void onHandlerFailure(RuntimeException e) {
        counters.handlerFailed(e);
    }

    // ---- media clock ----

    void onTick(long tick, long nowMs) {
        synchronized (this) {
            if (closed) {
                return;
            }
            this.tick = tick;
            dtmfIn.onTick(nowMs);
            collector.onTick(nowMs);
            int n = frames.poll(frameIn, G711.silence(inCodec));
            recording.onFrame(inCodec, frameIn, n);
            if (mixMember != null) {
                mixMember.capture(inCodec, frameIn, n, tick);
            }
            if (telephoneEventPt < 0 && n > 0) {
                inband.onFrame(inCodec, frameIn, n); // no RFC 4733 negotiated: keys come as sound
            }
            InetSocketAddress to = sending ? latch.target() : null;
            boolean evented = to != null && telephoneEventPt >= 0 && dtmfOut.onTick(eventOut);
            if (evented) {
                ownFrameTick = tick;
            }
            if (player != null) {
                boolean frame = player.nextFrame(codec, stream.payloadBuffer(), RtpPacket.HEADER, FRAME);
                if (frame && to != null && !evented) {
                    ownFrameTick = tick;
                    try {
                        stream.sendAudio(to, tick, audioPt, FRAME);
                    } catch (IOException e) {
                        sendFailed(e);
                    }
                }
                if (player.done()) {
                    finishPlaying();
                }
            }
            rtcp.onTick(tick, to, stream);
        }
    }

    private void sendEventPacket(boolean newEvent, byte[] payload, int length) {
        InetSocketAddress to = latch.target();
        try {
            stream.sendEvent(to, tick, newEvent, telephoneEventPt, payload, length);
        } catch (IOException e) {
            sendFailed(e);
        }
    }

    // ---- helpers, under the lock ----

    private Codec codecOf(int pt) {
        if (pt == audioPt) {
            return codec;
        }
        return pt == Codec.PCMU.payloadType ? Codec.PCMU : pt == Codec.PCMA.payloadType ? Codec.PCMA : null;
    }

    private void digitDetected(char digit) {
        // Only the listeners there before the digit hear it: a collection this digit completes may
        // start the next prompt and listener at once, which must not take the same key again.
        List<Consumer<Character>> before = List.copyOf(digitListeners);
        collector.onDigit(digit, engine.clock().nowMs());
        recording.onDigit(digit);
        for (Consumer<Character> listener : before) {
            engine.post(() -> listener.accept(digit));
        }
    }

    private void finishPlaying() {
        Runnable done = playDone;
        player = null;
        playDone = null;
        if (done != null) {
            engine.post(done);
        }
    }


    private void sendFailed(IOException e) {
        counters.sendFailed(e);
    }
}
