package org.reachpbx.rules.tables;

import org.reachpbx.rules.vocabulary.BarringCategory;

/**
 * What a dialled number is: its destination category, the barring category that blocks it
 * (null for emergency/service numbers, which are never barred), and for international numbers the
 * region group and the matching prefix/country (longest prefix wins, CB-05).
 */
public record DestinationClass(DestinationCategory category, BarringCategory barringCategory,
                               BarringCategory regionGroup, String matchedPrefix, String country) {

    public boolean emergency() {
        return category == DestinationCategory.EMERGENCY;
    }

    public boolean international() {
        return category == DestinationCategory.INTERNATIONAL;
    }
}
