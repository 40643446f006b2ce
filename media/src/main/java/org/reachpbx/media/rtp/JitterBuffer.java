package org.reachpbx.media.rtp;

/**
 * The receive-side jitter buffer: holds incoming audio frames {@code depth} ticks before release so
 * packets that arrive out of order are put back in order, then releases exactly one frame per media
 * clock tick. Late packets (their turn has passed) and duplicates are dropped and counted; a
 * sequence number passed over while later packets are waiting is counted lost and released as a gap
 * (the recorder writes silence), so a recording keeps real time. Slots and their byte arrays are
 * allocated once. Not thread-safe: the owning session serialises access.
 *
 * <p>Non-audio packets of the stream (RFC 4733 events share the sequence space) are offered with
 * {@link #offerGap} so they occupy their sequence number without counting as loss.
 */
public final class JitterBuffer {

    /** What happened to an offered packet. */
    public enum Offer { ACCEPTED, LATE, DUPLICATE }

    /** {@link #poll} result: no frame this tick (not started, or the sender paused). */
    public static final int NOTHING = -1;
    /** {@link #poll} result: a gap (lost packet or a non-audio packet): play/record silence. */
    public static final int GAP = 0;

    private static final int SLOTS = 64;
    private static final int MASK = SLOTS - 1;
    private static final int MAX_PAYLOAD = 480;
    private static final int FRAME = 160;
    private static final byte EMPTY = 0;
    private static final byte FILLED = 1;
    private static final byte RELEASED = 2;
    private static final byte SKIPPED = 3;

    private final int depth;
    /** The most audio held before the oldest is dropped, in bytes (G.711: samples), whatever the packet size. */
    private final int maxHeldBytes;
    private final int[] slotSeq = new int[SLOTS];
    private final byte[] slotState = new byte[SLOTS];
    private final int[] slotLength = new int[SLOTS];
    private final byte[][] slotData = new byte[SLOTS][MAX_PAYLOAD];

    private boolean primed;
    private boolean started;
    private boolean releasedAny;
    private long ssrc;
    private int nextSeq;
    private int held;
    private int heldBytes;
    private int waited;
    private long lost;
    private long late;
    private long duplicates;

    /** @param depth frames (ticks) to hold before the first release; 3 = 60 ms at 20 ms packets */
    public JitterBuffer(int depth) {
        if (depth < 0 || depth > SLOTS / 4) {
            throw new IllegalArgumentException("jitter depth " + depth + " frames: must be 0.." + SLOTS / 4);
        }
        this.depth = depth;
        this.maxHeldBytes = (depth + 5) * FRAME;
    }

    /** Offers an audio payload {@code buf[off..off+len)} (copied). */
    public Offer offer(long ssrc, int seq, byte[] buf, int off, int len) {
        return store(ssrc, seq, buf, off, len);
    }

    /** Offers a packet that takes a sequence number but carries no audio (e.g. an RFC 4733 event). */
    public Offer offerGap(long ssrc, int seq) {
        return store(ssrc, seq, null, 0, 0);
    }

    private Offer store(long ssrc, int seq, byte[] buf, int off, int len) {
        if (!primed || ssrc != this.ssrc) {
            reset(ssrc, seq);
        }
        int d = RtpPacket.seqDelta(nextSeq, seq);
        if (d < 0) {
            int slot = seq & MASK;
            if (slotSeq[slot] == seq && slotState[slot] == RELEASED) {
                duplicates++;
                return Offer.DUPLICATE;
            }
            if (releasedAny || held + -d >= SLOTS) {
                late++;
                return Offer.LATE;
            }
            nextSeq = seq; // reordered before playout began: start earlier
        } else if (d >= SLOTS) {
            reset(ssrc, seq); // the sender jumped far ahead: start over from here
        }
        int slot = seq & MASK;
        if (slotSeq[slot] == seq && (slotState[slot] == FILLED || slotState[slot] == RELEASED)) {
            duplicates++;
            return Offer.DUPLICATE;
        }
        int n = Math.min(len, MAX_PAYLOAD);
        if (buf != null) {
            System.arraycopy(buf, off, slotData[slot], 0, n);
        }
        slotSeq[slot] = seq;
        slotState[slot] = FILLED;
        slotLength[slot] = buf == null ? GAP : Math.max(n, GAP);
        held++;
        heldBytes += weight(slotLength[slot]);
        return Offer.ACCEPTED;
    }

    /**
     * Releases this tick's frame into {@code out}.
     *
     * @return the payload length copied, {@link #GAP} for a gap (lost or non-audio), or
     *         {@link #NOTHING} while filling up or when the sender paused
     */
    public int poll(byte[] out) {
        if (!started) {
            if (held == 0 || ++waited <= depth) {
                return NOTHING;
            }
            started = true;
        }
        while (held > 1 && heldBytes > maxHeldBytes) { // the sender's clock runs ahead of ours: drop to bound the delay
            late++;
            release(nextSeq);
        }
        int slot = nextSeq & MASK;
        if (slotSeq[slot] == nextSeq && slotState[slot] == FILLED) {
            int n = slotLength[slot];
            System.arraycopy(slotData[slot], 0, out, 0, n);
            release(nextSeq);
            return n;
        }
        if (held > 0) {
            lost++;
            release(nextSeq);
            return GAP;
        }
        started = false; // underrun: the sender paused; build up the delay again when it resumes
        waited = 0;
        return NOTHING;
    }

    private void release(int seq) {
        int slot = seq & MASK;
        if (slotSeq[slot] == seq && slotState[slot] == FILLED) {
            held--;
            heldBytes -= weight(slotLength[slot]);
            slotState[slot] = RELEASED;
        } else {
            slotSeq[slot] = seq;
            slotState[slot] = SKIPPED;
        }
        releasedAny = true;
        nextSeq = (seq + 1) & 0xFFFF;
    }

    private void reset(long ssrc, int seq) {
        java.util.Arrays.fill(slotState, EMPTY);
        this.ssrc = ssrc;
        this.primed = true;
        this.started = false;
        this.releasedAny = false;
        this.nextSeq = seq;
        this.held = 0;
        this.heldBytes = 0;
        this.waited = 0;
    }

    /** A gap (non-audio packet) counts as one 20 ms frame towards the bound. */
    private static int weight(int length) {
        return length > 0 ? length : FRAME;
    }

    public long lost() {
        return lost;
    }

    public long late() {
        return late;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Frames waiting for release. */
    public int held() {
        return held;
    }
}
