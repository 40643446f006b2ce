package org.reachpbx.rules.tables;

/** Default timeouts (seconds) the analysts tune. */
public enum TimeoutKind {
    /** How long the caller has to key digits in an IVR without a failover, before the menu replays. */
    DIGIT_ENTRY,
    /** How long the caller has to key a 4-digit postal code (LBR-03). */
    POSTAL_CODE_ENTRY,
    /** How long a forward to external numbers rings when nothing else bounds it. */
    EXTERNAL_RING,
    /** How long a call-limit or forward extension's external leg rings before it is released. */
    FORWARD_RING
}
