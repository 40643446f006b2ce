package org.reachpbx.rules.view;

/** A plan entry: the number routes to one extension, with an optional incoming-number prefix (NP-06). */
public record PlanEntryView(String number, String extension, String prefix) {
}
