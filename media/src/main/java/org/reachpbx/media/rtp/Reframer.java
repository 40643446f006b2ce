package org.reachpbx.media.rtp;

/**
 * The stage after the {@link JitterBuffer}: turns its packets, whatever their size (10, 20, 30 ms
 * of G.711), into one 20 ms frame (160 samples) per media clock tick, so that what is taken from a
 * stream each tick (the recorder tap, later the mixer) keeps real time. Without it a phone sending
 * 30 ms packets would be recorded a third too long: one packet per 20 ms tick, and silence on each
 * third tick when the buffer runs dry.
 *
 * <p>Each tick it pulls packets from the buffer until it holds a frame; the rest waits for the next
 * tick. A gap (a lost packet or an RFC 4733 event taking its turn) counts as silence as long as
 * the last audio packet. When the sender pauses, what is left (less than a frame) is released as a
 * short frame, so nothing is delayed past the end of a stream. Works on encoded bytes (G.711: one
 * byte per sample). Not thread-safe: the owning session serialises access.
 */
public final class Reframer {
    /** Samples in one 20 ms frame at 8 kHz. */
    public static final int FRAME = 160;
    private static final int MAX_PACKET = 480;

    private final JitterBuffer jitter;
    private final byte[] packet = new byte[MAX_PACKET];
    private final byte[] pending = new byte[FRAME + MAX_PACKET];
    private final boolean[] pendingSilent = new boolean[FRAME + MAX_PACKET];
    private int pendingLength;
    private int lastPacket = FRAME;

    public Reframer(JitterBuffer jitter) {
        this.jitter = jitter;
    }

    /**
     * Writes this tick's frame into {@code out}; gaps inside a frame that also holds audio are
     * written as {@code silence} (the stream codec's silence byte).
     *
     * @return the number of audio bytes (160, fewer only at the end of a burst), {@link JitterBuffer#GAP}
     *         when the whole frame is silence (lost or non-audio), or {@link JitterBuffer#NOTHING} when
     *         the stream has not started or paused and nothing is left
     */
    public int poll(byte[] out, byte silence) {
        while (pendingLength < FRAME) {
            int n = jitter.poll(packet);
            if (n == JitterBuffer.NOTHING) {
                break;
            }
            append(n);
        }
        if (pendingLength == 0) {
            return JitterBuffer.NOTHING;
        }
        int n = Math.min(FRAME, pendingLength);
        boolean allSilent = true;
        for (int i = 0; i < n; i++) {
            if (pendingSilent[i]) {
                out[i] = silence;
            } else {
                out[i] = pending[i];
                allSilent = false;
            }
        }
        pendingLength -= n;
        System.arraycopy(pending, n, pending, 0, pendingLength);
        System.arraycopy(pendingSilent, n, pendingSilent, 0, pendingLength);
        return allSilent ? gapOrPartial(n) : n;
    }

    /** A frame of pure silence is reported as a gap when full; a short silent tail as its length. */
    private static int gapOrPartial(int n) {
        return n == FRAME ? JitterBuffer.GAP : n;
    }

    private void append(int n) {
        if (n > 0) {
            System.arraycopy(packet, 0, pending, pendingLength, n);
            java.util.Arrays.fill(pendingSilent, pendingLength, pendingLength + n, false);
            lastPacket = n;
        } else {
            n = lastPacket;
            java.util.Arrays.fill(pendingSilent, pendingLength, pendingLength + n, true);
        }
        pendingLength += n;
    }
}
