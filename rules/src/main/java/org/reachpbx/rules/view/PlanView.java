package org.reachpbx.rules.view;

import java.util.Map;

/** A number plan: phone number (national) → entry (NP-06). */
public record PlanView(int number, String name, Map<String, PlanEntryView> entries) {
    public PlanView {
        entries = Map.copyOf(entries);
    }
}
