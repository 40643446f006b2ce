package org.reachpbx.directory.calls;

/** How a call ended, as billing and the call history show it. */
public enum CallDisposition {
    /** Someone (a person or a media service such as voicemail) answered. */
    ANSWERED,
    /** Every destination was busy (486/600) and nothing followed. */
    BUSY,
    /** It rang, but nobody answered before the timer or the caller gave up. */
    NO_ANSWER,
    /** The routing decision refused the call; the cause says why (barred, not found, ...). */
    REJECTED,
    /** The call could not be set up (no trunk, no codec in common, a server error). */
    FAILED
}
