package org.reachpbx.rules.engine;

/** What a hop of the call leads to; the rules of each area match on it. */
public enum HopTarget {
    USER, GROUP, VOICEMAIL, AUTO_ANSWER, IVR, QUEUE, EXTENSION_CHOOSER, SYSTEM, LBR, TBR, CALL_LIMIT, FORWARD, AI,
    /** A number outside the tenant. */
    EXTERNAL,
    /** "voicemail" as a forward destination: the forwarding user's own mailbox (VM-07). */
    PERSONAL_VOICEMAIL,
    /** Several destinations rung in parallel (a ';' list of a group forward, GRP-06). */
    PARALLEL,
    /** "busy" as a destination (CLX-01): the caller hears busy. */
    BUSY_TONE,
    /** The destination is an extension this chain already passed: loop protection. */
    LOOP,
    /** The first hop of a call the entry rules decide themselves (outside calls, codes, refusals). */
    ENTRY,
    /** An extension number that does not exist. */
    UNKNOWN
}
