package org.reachpbx.rules.vocabulary;

/**
 * Call-barring categories an admin can block at account or user level (CB-04, CB-05). The
 * international regional groups follow chapter 34 of the manual ({@code call-barring-groups.csv});
 * "Permanent geblokkeerd" is not a category: it is always barred and cannot be selected.
 */
public enum BarringCategory {
    INTERNATIONAL,
    MOBILE,
    NATIONAL,
    PREMIUM_0900,
    PREMIUM_0906,
    PREMIUM_0909,
    TOLL_FREE_0800,
    INTERNATIONAL_NORTH_AMERICA,
    INTERNATIONAL_SOUTH_AMERICA,
    INTERNATIONAL_EUROPE_EU,
    INTERNATIONAL_EUROPE_NON_EU,
    INTERNATIONAL_AFRICA,
    INTERNATIONAL_ASIA,
    INTERNATIONAL_OCEANIA,
    INTERNATIONAL_OTHER
}
