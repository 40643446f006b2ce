package org.reachpbx.rules.vocabulary;

/** The four kinds of location-based routing (LBR-01). */
public enum LbrType {
    AREA_CODE, POSTAL_CODE, CALLER_NUMBER, CALLED_NUMBER
}
