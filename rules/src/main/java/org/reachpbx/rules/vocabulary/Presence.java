package org.reachpbx.rules.vocabulary;

/** The presence a REACH status publishes (REACH-17). */
public enum Presence {
    AUTOMATIC, OFFLINE, BUSY, AWAY
}
