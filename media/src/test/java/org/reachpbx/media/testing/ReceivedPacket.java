package org.reachpbx.media.testing;

import java.net.InetSocketAddress;

/**
 * One RTP packet as the test peer received it.
 *
 * @param arrivalNanos {@link System#nanoTime()} when the receiver thread got it
 * @param source       the address it came from (for symmetric-RTP/latching checks)
 * @param payloadType  RTP payload type (0 PCMU, 8 PCMA, the negotiated telephone-event type, ...)
 * @param sequence     16-bit sequence number
 * @param timestamp    32-bit RTP timestamp (unsigned, in a long)
 * @param marker       the M bit
 * @param ssrc         32-bit SSRC (unsigned, in a long)
 * @param payload      the payload after header, CSRCs, extension and padding
 */
public record ReceivedPacket(long arrivalNanos, InetSocketAddress source, int payloadType, int sequence,
                             long timestamp, boolean marker, long ssrc, byte[] payload) {

    /** The payload decoded to 8 kHz samples when it is G.711 (PT 0 or 8); otherwise empty. */
    public short[] audio() {
        return G711.isG711(payloadType) ? G711.decode(payloadType, payload) : new short[0];
    }

    @Override
    public String toString() {
        return "RTP[pt=" + payloadType + " seq=" + sequence + " ts=" + timestamp + (marker ? " M" : "")
                + " ssrc=" + Long.toHexString(ssrc) + " " + payload.length + "B from " + source + "]";
    }
}
