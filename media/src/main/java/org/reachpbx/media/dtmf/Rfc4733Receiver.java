package org.reachpbx.media.dtmf;

/**
 * Turns incoming RFC 4733 event packets into digits, each reported exactly once. Packets of one
 * event share its RTP timestamp (§2.5.1), so the timestamp identifies the event: the digit is
 * reported on the first end packet, or — when every end packet was lost — once no packet of the
 * event came for {@link #END_TIMEOUT_MS}, or when the next event begins. Retransmitted end packets
 * and stragglers of a reported event are ignored. Time comes from the caller (the media clock), so
 * tests need no waiting. Not thread-safe: the owning session serialises access.
 */
public final class Rfc4733Receiver {
    /** Silence after the last packet of an event that ends it when its end packets were lost. */
    public static final long END_TIMEOUT_MS = 200;

    /** Where detected digits go. */
    @FunctionalInterface
    public interface Listener {
        void digit(char digit);
    }

    private final Listener listener;
    private final long[] reported = {-1, -1};
    private int reportedNext;
    private boolean active;
    private long activeTs;
    private char activeDigit;
    private long lastPacketMs;

    public Rfc4733Receiver(Listener listener) {
        this.listener = listener;
    }

    /** Feeds one event payload {@code buf[off..off+len)} of the packet with RTP {@code timestamp}. */
    public void onPacket(long timestamp, byte[] buf, int off, int len, long nowMs) {
        if (len < Rfc4733.PAYLOAD || timestamp == reported[0] || timestamp == reported[1]) {
            return; // too short, or a retransmitted end packet of an event already reported
        }
        char digit = Rfc4733.digit(Rfc4733.eventOf(buf, off));
        if (digit == 0) {
            return;
        }
        if (active && timestamp != activeTs) {
            finish(); // the previous event's end packets were all lost
        }
        if (!active) {
            active = true;
            activeTs = timestamp;
            activeDigit = digit;
        }
        lastPacketMs = nowMs;
        if (Rfc4733.isEnd(buf, off)) {
            finish();
        }
    }

    /** Called every tick: ends an event whose end packets never came. */
    public void onTick(long nowMs) {
        if (active && nowMs - lastPacketMs >= END_TIMEOUT_MS) {
            finish();
        }
    }

    private void finish() {
        active = false;
        reported[reportedNext] = activeTs;
        reportedNext ^= 1;
        listener.digit(activeDigit);
    }
}
