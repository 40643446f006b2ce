package org.reachpbx.rules.decision;

/** A refusal: the cause, the SIP status the B2BUA answers with, and a reason for people. */
public record Reject(RejectCause cause, int sipStatus, String reason) {
    public static Reject of(RejectCause cause, String reason) {
        return new Reject(cause, cause.sipStatus(), reason);
    }
}
