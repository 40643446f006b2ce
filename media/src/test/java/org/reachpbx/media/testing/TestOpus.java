package org.reachpbx.media.testing;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;

/**
 * The test phone's Opus (Concentus, as a softphone would use libopus): encodes 8 kHz samples
 * straight from linear PCM and decodes received packets to 8 kHz, independently of the server's
 * own Opus edge. Stateful: one encoder per sending stream, a fresh decoder per decoded packet list.
 */
public final class TestOpus {
    /** The dynamic payload type the test phone offers for opus/48000/2. */
    public static final int PAYLOAD_TYPE = 111;
    /** RTP timestamp units (48 kHz) per 8 kHz sample. */
    public static final int CLOCK_FACTOR = 6;

    private final OpusEncoder encoder;

    public TestOpus() {
        try {
            encoder = new OpusEncoder(8000, 1, OpusApplication.OPUS_APPLICATION_VOIP);
            encoder.setBitrate(32_000);
        } catch (OpusException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One packet from a frame of 8 kHz samples (80, 160 or 480 of them: 10, 20 or 60 ms). */
    public byte[] encode(short[] frame) {
        byte[] out = new byte[1275];
        try {
            int n = encoder.encode(frame, 0, frame.length, out, 0, out.length);
            return Arrays.copyOf(out, n);
        } catch (OpusException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opus packets decoded in order and joined, at 8 kHz. */
    public static short[] decode(Iterable<byte[]> packets) {
        try {
            OpusDecoder decoder = new OpusDecoder(8000, 1);
            short[] pcm = new short[960];
            short[] all = new short[0];
            for (byte[] p : packets) {
                int n = decoder.decode(p, 0, p.length, pcm, 0, pcm.length, false);
                short[] next = Arrays.copyOf(all, all.length + n);
                System.arraycopy(pcm, 0, next, all.length, n);
                all = next;
            }
            return all;
        } catch (OpusException e) {
            throw new IllegalStateException(e);
        }
    }
}
