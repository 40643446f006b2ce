package org.reachpbx.rules.vocabulary;

/** A phone number is a fixed-line or a mobile number (ACC-05). */
public enum NumberKind {
    FIXED, MOBILE
}
