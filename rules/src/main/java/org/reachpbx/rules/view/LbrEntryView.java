package org.reachpbx.rules.view;

/** One LBR entry: area code, postal code, caller pattern (trailing % or *) or called number. */
public record LbrEntryView(String match, String prefix, String destination) {
    public boolean wildcard() {
        return match.endsWith("%") || match.endsWith("*");
    }

    public String fixedPart() {
        return wildcard() ? match.substring(0, match.length() - 1) : match;
    }
}
