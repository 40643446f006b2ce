package org.reachpbx.rules.vocabulary;

/** User licence types that affect routing (ACC-07): Start users cannot be queue agents. */
public enum Licence {
    START, PRO, COMPLEET
}
