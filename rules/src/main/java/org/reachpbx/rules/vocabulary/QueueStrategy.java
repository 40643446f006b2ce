package org.reachpbx.rules.vocabulary;

/** The seven distribution strategies of §13.4.6 (QUE-14 … QUE-21). */
public enum QueueStrategy {
    /** Every call starts at rank 1 (QUE-15). */
    FIXED_ORDER_FROM_TOP,
    /** All available agents at once, at most 15 members (QUE-16). */
    RING_ALL,
    /** Start after the agent offered the previous call (QUE-17). */
    ROUND_ROBIN_WITH_MEMORY,
    /** Longest time since the last offer first (QUE-18). */
    LONGEST_IDLE,
    /** Fewest answered queue calls since login first (QUE-19). */
    FEWEST_CALLS,
    /** Least queue talk time since login first (QUE-20). */
    LEAST_TALK_TIME,
    /** Random order (QUE-21). */
    RANDOM
}
