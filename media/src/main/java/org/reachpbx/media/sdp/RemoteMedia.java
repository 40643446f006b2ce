package org.reachpbx.media.sdp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reachpbx.media.codec.Codec;

/**
 * The far end's audio stream as its SDP describes it: where to send (media-level c= before
 * session-level), the payload types in its order of preference with their rtpmap encodings, the
 * telephone-event payload type ({@code -1}: none), its direction, and its ptime.
 *
 * @param address           connection address; {@code 0.0.0.0} is old-style (RFC 2543) hold
 * @param port              RTP port of the first usable audio m-line
 * @param payloadTypes      the m-line's formats in the offered order
 * @param encodings         payload type → "NAME/rate" from a=rtpmap (static types may be absent)
 * @param telephoneEventPt  payload type of telephone-event/8000, -1 when not offered
 * @param direction         a=sendrecv/sendonly/recvonly/inactive (media level first), default sendrecv;
 *                          c=0.0.0.0 makes it at most sendonly (the far end does not want to receive)
 * @param ptime             a=ptime in ms, 20 when absent
 */
public record RemoteMedia(String address, int port, List<Integer> payloadTypes, Map<Integer, String> encodings,
                          int telephoneEventPt, Direction direction, int ptime) {

    public RemoteMedia {
        payloadTypes = List.copyOf(payloadTypes);
        encodings = Map.copyOf(encodings);
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** The far end holds the call: it does not want to receive (sendonly or inactive). */
    public boolean onHold() {
        return direction == Direction.SENDONLY || direction == Direction.INACTIVE;
    }

    /** The payload type the far end uses for {@code codec}: its static type, or an rtpmap by name; -1: not offered. */
    public int payloadTypeOf(Codec codec) {
        for (int pt : payloadTypes) {
            String encoding = encodings.get(pt);
            if (encoding == null ? !codec.dynamic && pt == codec.payloadType : isCodec(encoding, codec)) {
                return pt;
            }
        }
        return -1;
    }

    /** The first codec of {@code preference} that the far end has. */
    public Optional<Codec> firstCommon(List<Codec> preference) {
        return preference.stream().filter(c -> payloadTypeOf(c) >= 0).findFirst();
    }

    private static boolean isCodec(String encoding, Codec codec) {
        String[] parts = encoding.trim().split("/");
        return parts[0].equalsIgnoreCase(codec.encodingName)
                && (parts.length < 2 ? !codec.dynamic : parts[1].equals(String.valueOf(codec.clockRate)));
    }
}
