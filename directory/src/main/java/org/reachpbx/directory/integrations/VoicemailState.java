package org.reachpbx.directory.integrations;

/** A voicemail message is NEW until it was listened to or marked old (the counts of RFC 3842). */
public enum VoicemailState {
    NEW, OLD
}
