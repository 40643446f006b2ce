package org.reachpbx.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * The Opus edge of one session (Concentus, a pure-Java port of libopus): each received packet is
 * decoded to 20 ms of 8 kHz audio as µ-law, the engine's inside format, and each 20 ms µ-law frame
 * the session sends is encoded. Narrowband both ways (the engine's prompts and recordings are
 * 8 kHz), so our SDP asks the far end for no more ({@code maxplaybackrate=8000}). The decoder and
 * encoder keep state between frames: one instance per session and direction of use, not thread-safe.
 */
public final class OpusFrames {
    /** Samples of 20 ms at 8 kHz. */
    public static final int FRAME = 160;
    /** Room for the largest 20 ms Opus packet we write (Concentus keeps far below at 24 kbit/s). */
    public static final int MAX_PACKET = 400;
    private static final int BITRATE = 24_000;

    private final OpusDecoder decoder;
    private final OpusEncoder encoder;
    private final short[] pcm = new short[960]; // room for a 120 ms packet decoded at 8 kHz

    public OpusFrames() {
        try {
            decoder = new OpusDecoder(8000, 1);
            encoder = new OpusEncoder(8000, 1, OpusApplication.OPUS_APPLICATION_VOIP);
            encoder.setBitrate(BITRATE);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus codec could not start", e);
        }
    }

    /**
     * Decodes one Opus packet into µ-law at {@code out[outOff..]}; returns the number of samples
     * (160 for a 20 ms packet), or -1 when the packet is not valid Opus.
     */
    public int decodeToUlaw(byte[] in, int off, int len, byte[] out, int outOff) {
        int n;
        try {
            n = decoder.decode(in, off, len, pcm, 0, pcm.length, false);
        } catch (OpusException | RuntimeException e) {
            return -1;
        }
        int count = Math.min(n, out.length - outOff);
        G711.encode(Codec.PCMU, pcm, 0, count, out, outOff);
        return count;
    }

    /** Encodes a 20 ms µ-law frame ({@link #FRAME} bytes) into one Opus packet at {@code out[outOff..]}; returns its length. */
    public int encodeUlaw(byte[] ulaw, int off, byte[] out, int outOff) {
        G711.decode(Codec.PCMU, ulaw, off, FRAME, pcm, 0);
        try {
            return encoder.encode(pcm, 0, FRAME, out, outOff, Math.min(MAX_PACKET, out.length - outOff));
        } catch (OpusException e) {
            throw new IllegalStateException("Opus could not encode a frame", e);
        }
    }
}
