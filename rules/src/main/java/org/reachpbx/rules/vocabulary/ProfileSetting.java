package org.reachpbx.rules.vocabulary;

/** The settings of a REACH profile that a custom profile may inherit from the default profile (REACH-04). */
public enum ProfileSetting {
    CALLER_ID,
    FORWARD_ALWAYS,
    FORWARD_ON_BUSY,
    FORWARD_ON_NO_ANSWER,
    FORWARD_CALLER_ID,
    VOICEMAIL_BOX,
    DEVICES,
    ASSISTANT_GROUP
}
