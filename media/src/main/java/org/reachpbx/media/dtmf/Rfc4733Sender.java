package org.reachpbx.media.dtmf;

import java.util.ArrayDeque;

/**
 * Sends digits as RFC 4733 events, one packet per media clock tick: every packet of an event
 * carries the event's start timestamp and a growing duration (§2.5.1.2), the first has the marker
 * bit, and the event ends with three end packets of the final duration (§2.5.1.4). A pause of
 * {@link #GAP_TICKS} ticks separates queued digits. While an event is on the wire it replaces the
 * audio of the stream. Not thread-safe: the owning session serialises access.
 */
public final class Rfc4733Sender {
    /** Event length: 100 ms (5 ticks of 20 ms), like most phones. */
    public static final int TONE_TICKS = 5;
    /** Ticks of pause between queued digits. */
    public static final int GAP_TICKS = 3;
    private static final int END_PACKETS = 3;
    private static final int VOLUME = 10;
    private static final int SAMPLES_PER_TICK = 160;

    /** One packet to send on this tick. */
    public interface Output {
        /** @param newEvent true on the first packet of an event: use a fresh timestamp, set the marker */
        void sendEvent(boolean newEvent, byte[] payload, int length);
    }

    private final ArrayDeque<Character> queue = new ArrayDeque<>();
    private final byte[] payload = new byte[Rfc4733.PAYLOAD];
    private int event = -1;
    private int tick;
    private int pause;

    /** Queues a digit; ignores keys that are not DTMF. */
    public void send(char digit) {
        if (Rfc4733.isDigit(digit)) {
            queue.add(digit);
        }
    }

    /** True while an event is being sent (audio must not be sent this tick). */
    public boolean busy() {
        return event >= 0 || (!queue.isEmpty() && pause == 0);
    }

    /** Drops queued and running events (e.g. connect to a leg without telephone-event). */
    public void clear() {
        queue.clear();
        event = -1;
    }

    /**
     * Sends this tick's packet(s), if any.
     *
     * @return true when it sent something (the tick's audio frame must be skipped)
     */
    public boolean onTick(Output out) {
        if (event < 0) {
            if (pause > 0) {
                pause--;
                return false;
            }
            Character next = queue.poll();
            if (next == null) {
                return false;
            }
            event = Rfc4733.event(next);
            tick = 0;
        }
        tick++;
        if (tick < TONE_TICKS) {
            Rfc4733.write(payload, 0, event, false, VOLUME, tick * SAMPLES_PER_TICK);
            out.sendEvent(tick == 1, payload, payload.length);
        } else {
            Rfc4733.write(payload, 0, event, true, VOLUME, TONE_TICKS * SAMPLES_PER_TICK);
            for (int i = 0; i < END_PACKETS; i++) {
                out.sendEvent(false, payload, payload.length);
            }
            event = -1;
            pause = GAP_TICKS;
        }
        return true;
    }
}
