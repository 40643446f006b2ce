package org.reachpbx.media.sdp;

/**
 * An SDP we cannot work with: unparsable, no usable audio stream, or no codec in common. The server
 * answers the request with SIP 488 Not Acceptable Here (with a Warning 304/305 carrying the message).
 */
public class SdpNotAcceptable extends RuntimeException {
    public SdpNotAcceptable(String message) {
        super(message);
    }

    public SdpNotAcceptable(String message, Throwable cause) {
        super(message, cause);
    }
}
