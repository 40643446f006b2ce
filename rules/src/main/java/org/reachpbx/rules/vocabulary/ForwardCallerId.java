package org.reachpbx.rules.vocabulary;

/**
 * The caller ID presented when a call is forwarded to an external destination (REACH-13, GRP-07,
 * CLX-01, FWD-01). Not every option is offered everywhere: see the validator.
 */
public enum ForwardCallerId {
    /** The forwarding user's own caller ID (REACH only). */
    USER_CALLER_ID,
    /** The original caller's number. */
    ORIGINAL_CALLER,
    /** The number the caller dialled. */
    CALLED_NUMBER,
    /** A specific number of the account (call-limit and forward extensions). */
    SPECIFIC_NUMBER
}
