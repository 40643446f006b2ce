package org.reachpbx.media.testing;

/**
 * One RFC 4733 telephone event as received: all packets with the same SSRC and timestamp.
 *
 * @param digit          0-9, *, #, A-D (events 0-15); '?' for another event code
 * @param event          the event code
 * @param timestamp      the RTP timestamp shared by all its packets
 * @param durationSamples the largest duration field seen (8 per ms)
 * @param packets        packets received for it, end packets included
 * @param endPackets     packets with the E bit (a correct sender sends three)
 * @param volume         the volume field of the first packet (0 to -63 dBm0, as a positive number)
 * @param markerOnFirst  whether the first packet received had the M bit
 * @param firstArrivalNanos {@link System#nanoTime()} of its first packet
 */
public record DtmfEvent(char digit, int event, long timestamp, int durationSamples, int packets, int endPackets,
                        int volume, boolean markerOnFirst, long firstArrivalNanos) {

    public boolean ended() {
        return endPackets > 0;
    }

    public static char digitOf(int event) {
        return event >= 0 && event < 16 ? "0123456789*#ABCD".charAt(event) : '?';
    }

    public static int eventOf(char digit) {
        int i = "0123456789*#ABCD".indexOf(Character.toUpperCase(digit));
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        return i;
    }
}
