package org.reachpbx.rules.services;

/** What a user asks of a system service (SYSNUM-01) or during a call. */
public enum ServiceKind {
    /** 915 number-plan menu (NP-17..NP-21). */
    PLAN_MENU,
    /** 908 / *8 with or without an extension (GEN-02). */
    PICKUP,
    /** Who gets a DESKTOP notification of a ringing call (PRV-04/05, GRP-08). */
    NOTIFY,
    /** May the user see the target's presence (PRV-04). */
    PRESENCE,
    /** *6 during a call (PARK-01, PARK-02). */
    PARK,
    /** 930 + line (PARK-03, PARK-04). */
    RETRIEVE,
    /** 906 + extension (LSN-01). */
    LISTEN_IN,
    /** 901 (USR-04, USR-06, USR-07, USR-10). */
    LOGIN,
    /** 902 (USR-05, USR-10). */
    LOGOUT,
    /** Is the user busy (USR-11, CH-04). */
    BUSY,
    /** *9 / 909 (GEN-01). */
    DEVICE_SWITCH,
    /** Blind or attended transfer (GEN-03..05). */
    TRANSFER,
    /** DTMF keyed during a call (GEN-06, GEN-07). */
    DTMF,
    /** 910 forward-settings menu (SYSNUM-02). */
    FORWARD_MENU,
    /** The manager presses Accept (ASG-05). */
    ASSISTANT_ACCEPT,
    /** An assistant presses Reject (ASG-06). */
    ASSISTANT_REJECT
}
