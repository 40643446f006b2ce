package org.reachpbx.media.testing;

/** The SDP direction attribute of a media stream (RFC 3264). */
public enum SdpDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The attribute as written in SDP, e.g. {@code sendonly}. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SdpDirection of(String attribute) {
        return valueOf(attribute.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
