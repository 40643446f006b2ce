package org.reachpbx.media.sdp;

/** The SDP media direction attribute (RFC 3264 §6.1); hold is sendonly/inactive from the holding party. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** What we answer to this direction: sendonly ↔ recvonly, the others as they are. */
    public Direction answer() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    public String attribute() {
        return name().toLowerCase();
    }
}
