package org.reachpbx.media.sdp;

import java.net.InetSocketAddress;
import org.reachpbx.media.codec.Codec;

/**
 * The outcome of an offer/answer exchange: the SDP text (our answer, or the far end's answer to our
 * offer), and what the session needs for {@code connect}: the codec and the far end's payload type
 * for it, the telephone-event payload type (-1: none), where to send, the far end's direction and
 * the direction we agreed to.
 */
public record SdpAnswer(String sdp, Codec codec, int payloadType, int telephoneEventPt, InetSocketAddress remote,
                        Direction remoteDirection, Direction direction) {

    /** Whether we may send media (not when the far end holds: sendonly/inactive from them). */
    public boolean weSend() {
        return direction == Direction.SENDRECV || direction == Direction.SENDONLY;
    }
}
