package org.reachpbx.rules.tables;

/** Destination categories of outgoing calls (CB-04), plus emergency and the permanent block (CB-05). */
public enum DestinationCategory {
    EMERGENCY, SERVICE, TOLL_FREE, PREMIUM_0900, PREMIUM_0906, PREMIUM_0909, MOBILE, NATIONAL, INTERNATIONAL,
    PERMANENTLY_BLOCKED
}
