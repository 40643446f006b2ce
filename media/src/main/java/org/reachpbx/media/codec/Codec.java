package org.reachpbx.media.codec;

/** The audio codecs the engine speaks, with their static payload types (RFC 3551). */
public enum Codec {
    PCMU(0, "PCMU"), PCMA(8, "PCMA");

    public final int payloadType;
    public final String encodingName;

    Codec(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }
}
