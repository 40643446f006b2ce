package org.reachpbx.server.sip.b2bua;

/**
 * Told how each user's part in a call changes (for BLF, RFC 4235): ringing (early), answered
 * (confirmed), over (terminated). Called on the SIP threads: implementations must not block.
 */
public interface CallStateListener {

    /** The user's state in one call, as the dialog event package names it. */
    enum State { EARLY, CONFIRMED, TERMINATED }

    /**
     * @param initiator true for the caller's side (outgoing), false for the called user (incoming:
     *                  only those can be picked up, BTN-03)
     * @param remote    the other party's number as shown, or null
     */
    void changed(long tenantId, String user, String callId, State state, boolean initiator, String remote);
}
