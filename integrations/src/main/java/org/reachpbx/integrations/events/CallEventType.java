package org.reachpbx.integrations.events;

/** What happened to a call (CRM-02). */
public enum CallEventType {
    /** A call reached the tenant for this extension; nothing rings yet. */
    INCOMING,
    /** The extension's devices ring. */
    RINGING,
    /** Someone answered. */
    ANSWERED,
    /** An answered call ended; carries the duration. */
    ENDED,
    /** The call ended without being answered (including calls that went to voicemail). */
    MISSED,
    /** The caller left a voicemail message. */
    VOICEMAIL_LEFT
}
