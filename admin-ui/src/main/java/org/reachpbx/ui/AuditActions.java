package org.reachpbx.ui;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The audit trail's action names in the UI language (issue 17, defect 2). An action is stored in
 * English as {@code Area: verb} ({@code Rule tables: roll back}); it is shown as the area's label
 * and the verb's label ({@code audit.area.rule_tables}, {@code audit.verb.roll_back}: "Regeltabellen:
 * terugdraaien"). The stored text never changes, so the filter and the REST audit stay as they are;
 * a part without a text is shown as stored.
 */
public final class AuditActions {

    private AuditActions() {
    }

    public static String label(String action, UnaryOperator<String> translate) {
        if (action == null) {
            return "";
        }
        int colon = action.indexOf(": ");
        if (colon < 0) {
            return action;
        }
        String area = action.substring(0, colon);
        String verb = action.substring(colon + 2);
        return text("audit.area." + key(area), area, translate) + ": " + text("audit.verb." + key(verb), verb, translate);
    }

    /** {@code Rule tables} → {@code rule_tables}: a properties key made of the words. */
    static String key(String words) {
        return words.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private static String text(String key, String stored, UnaryOperator<String> translate) {
        String label = translate.apply(key);
        return label == null || label.startsWith("!") ? stored : label;
    }
}
