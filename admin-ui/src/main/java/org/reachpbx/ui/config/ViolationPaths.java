package org.reachpbx.ui.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.directory.validation.Violation;

/**
 * Maps the YAML paths of validation violations ({@code users[3].reach.profiles[0].callerId}) to the
 * form field that shows them: the first property below the edited item ({@code users[3]} →
 * {@code reach}). Violations elsewhere, or of properties without a field, stay unmatched and are
 * listed at the top of the form.
 */
public final class ViolationPaths {

    /** Violations per field name, and the rest. */
    public record Mapped(Map<String, List<String>> byField, List<Violation> unmatched) {
    }

    private ViolationPaths() {
    }

    /**
     * @param prefix the path of the edited item ({@code users[3]}), or {@code ""} for the tenant's
     *               own properties
     * @param fields the field names the form has
     */
    public static Mapped map(List<Violation> violations, String prefix, Set<String> fields) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<Violation> unmatched = new ArrayList<>();
        for (Violation v : violations) {
            String field = fieldOf(v.path(), prefix);
            if (field != null && fields.contains(field)) {
                byField.computeIfAbsent(field, k -> new ArrayList<>()).add(v.message());
            } else {
                unmatched.add(v);
            }
        }
        return new Mapped(byField, unmatched);
    }

    /** The first property below {@code prefix} in {@code path}; null when the path is not below it. */
    public static String fieldOf(String path, String prefix) {
        if (path == null) {
            return null;
        }
        String rest;
        if (prefix.isEmpty()) {
            rest = path;
        } else if (path.startsWith(prefix + ".")) {
            rest = path.substring(prefix.length() + 1);
        } else {
            return null;
        }
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return end == 0 ? null : rest.substring(0, end);
    }
}
