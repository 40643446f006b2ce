package org.reachpbx.rules.vocabulary;

/** The system services a system extension can make reachable from outside (SYS-01). */
public enum SystemService {
    /** 915: change the active number plan. */
    TIME_CONFIGURATION,
    /** 920: voicemail-extension mailbox management. */
    VOICEMAIL_MANAGEMENT,
    /** 905: record a sound. */
    SOUND_RECORDING
}
