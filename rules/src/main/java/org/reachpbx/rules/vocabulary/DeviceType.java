package org.reachpbx.rules.vocabulary;

/** Device types used by REACH device selection, copy logic and presence (USR-08). */
public enum DeviceType {
    /** A desk phone or DECT device on a VoIP channel. */
    FIXED,
    /** The DESKTOP softphone or web client. */
    DESKTOP,
    /** Managed Mobile or the MOBILE app. */
    MOBILE
}
