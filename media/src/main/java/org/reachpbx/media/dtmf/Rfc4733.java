package org.reachpbx.media.dtmf;

/**
 * The RFC 4733 telephone-event payload (§2.3): event code, end bit, volume, duration, and the
 * mapping of DTMF event codes 0–15 to the keys {@code 0-9 * # A-D}.
 */
public final class Rfc4733 {
    /** Payload length of one event. */
    public static final int PAYLOAD = 4;

    private static final String KEYS = "0123456789*#ABCD";

    private Rfc4733() {
    }

    /** The key of an event code, or 0 for non-DTMF events (flash, tones). */
    public static char digit(int event) {
        return event >= 0 && event < KEYS.length() ? KEYS.charAt(event) : 0;
    }

    /** The event code of a key, or -1 when it is not a DTMF key. */
    public static int event(char digit) {
        return KEYS.indexOf(Character.toUpperCase(digit));
    }

    public static boolean isDigit(char c) {
        return event(c) >= 0;
    }

    public static int eventOf(byte[] buf, int off) {
        return buf[off] & 0xFF;
    }

    public static boolean isEnd(byte[] buf, int off) {
        return (buf[off + 1] & 0x80) != 0;
    }

    public static int duration(byte[] buf, int off) {
        return ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
    }

    public static void write(byte[] buf, int off, int event, boolean end, int volume, int duration) {
        buf[off] = (byte) event;
        buf[off + 1] = (byte) ((end ? 0x80 : 0) | (volume & 0x3F));
        buf[off + 2] = (byte) (duration >>> 8);
        buf[off + 3] = (byte) duration;
    }
}
