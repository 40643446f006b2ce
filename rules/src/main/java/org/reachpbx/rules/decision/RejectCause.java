package org.reachpbx.rules.decision;

/** Why a call is refused, with the SIP status used for it. */
public enum RejectCause {
    /** The callee is busy and has no busy forward (REACH-11), or a call limit says busy (CLX-02). */
    BUSY(486),
    /** No active plan, or the number is not in it (NP-15). */
    UNREACHABLE(480),
    /** The dialled number or extension does not exist. */
    NOT_FOUND(404),
    /** The destination is in a barred category (CB-03). */
    BARRED(403),
    /** The user already has the maximum of external calls up (ECL-02). */
    EXTERNAL_CALL_LIMIT(403),
    /** Outgoing call from an unrecognised address: log in again with 901 (IPL-01). */
    LOGIN_REQUIRED(403),
    /** A channel without a user may only call emergency numbers (CH-07). */
    NO_USER(403),
    /** A forward chain came back to an extension it had already passed (loop protection). */
    FORWARD_LOOP(482),
    /** The caller is not allowed to use this service (e.g. 915 without the right, NP-17). */
    NOT_ALLOWED(403),
    /** A forward or rule ended with no destination at all: the call is released. */
    RELEASED(480);

    private final int sipStatus;

    RejectCause(int sipStatus) {
        this.sipStatus = sipStatus;
    }

    public int sipStatus() {
        return sipStatus;
    }
}
