package org.reachpbx.directory.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of a configuration tree (the tenant's YAML document read as a
 * JSON tree), as lines for the audit trail: {@code users[201].forwards.busy: 202 → 203}. List
 * elements are named by their {@code number} or {@code name} when every element has a distinct one
 * (an added user shows as {@code users[299].name: – → Anna}), otherwise by their position.
 * Secrets (PINs, passwords, their hashes, webhook secrets, authorization headers) never show:
 * their lines say only {@code (set)}, {@code (changed)} or {@code (removed)}.
 */
public final class AuditDiff {

    /** Shown for a value that is absent on one side. */
    public static final String NONE = "–";

    private static final String ARROW = " → ";

    private AuditDiff() {
    }

    /** Every changed leaf, in document order. */
    public static List<String> changes(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        diff("", orMissing(before), orMissing(after), out);
        return out;
    }

    /**
     * {@code what} followed by the changes (at most {@code limit}, then how many more), as one audit
     * detail: {@code user 201; name: Jan → Jans, pin: (changed)}.
     */
    public static String detail(String what, List<String> changes, int limit) {
        if (changes.isEmpty()) {
            return what + "; no changes";
        }
        StringBuilder text = new StringBuilder(what).append("; ");
        int shown = Math.min(limit, changes.size());
        text.append(String.join(", ", changes.subList(0, shown)));
        if (changes.size() > shown) {
            text.append(" … and ").append(changes.size() - shown).append(" more");
        }
        return text.toString();
    }

    /** Whether a field of this name holds a secret (or its hash) that the audit trail must not show. */
    public static boolean isSecret(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        return f.equals("pin") || f.equals("ha1") || f.equals("authorization") || f.contains("password")
                || f.contains("secret") || f.endsWith("hash");
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<String> out) {
        if (before.equals(after)) {
            return;
        }
        if (isSecret(lastField(path))) {
            out.add(path + ": " + (before.isMissingNode() || before.isNull() ? "(set)"
                    : after.isMissingNode() || after.isNull() ? "(removed)" : "(changed)"));
            return;
        }
        if (objectOrMissing(before) && objectOrMissing(after) && !(before.isMissingNode() && after.isMissingNode())) {
            Set<String> fields = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(fields::add);
            after.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                diff(path.isEmpty() ? f : path + "." + f, before.path(f), after.path(f), out);
            }
            return;
        }
        if (arrayOrMissing(before) && arrayOrMissing(after) && (hasObjects(before) || hasObjects(after))) {
            Map<String, JsonNode> old = elements(before);
            Map<String, JsonNode> now = elements(after);
            Set<String> keys = new LinkedHashSet<>(old.keySet());
            keys.addAll(now.keySet());
            for (String k : keys) {
                diff(path + "[" + k + "]", orMissing(old.get(k)), orMissing(now.get(k)), out);
            }
            return;
        }
        out.add(path + ": " + text(before) + ARROW + text(after));
    }

    /** The elements by their number or name, or by position when those do not tell them apart. */
    private static Map<String, JsonNode> elements(JsonNode array) {
        for (String key : new String[] {"number", "name"}) {
            Map<String, JsonNode> byKey = new LinkedHashMap<>();
            boolean usable = true;
            for (JsonNode e : array) {
                JsonNode k = e.path(key);
                if (!k.isValueNode() || byKey.putIfAbsent(k.asText(), e) != null) {
                    usable = false;
                    break;
                }
            }
            if (usable) {
                return byKey;
            }
        }
        Map<String, JsonNode> byIndex = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode e : array) {
            byIndex.put(String.valueOf(i++), e);
        }
        return byIndex;
    }

    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return NONE;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(e -> items.add(text(e)));
            return "[" + String.join(", ", items) + "]";
        }
        // an object where the other side has a value: its fields, secrets masked
        List<String> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.add(f.getKey() + ": " + (isSecret(f.getKey()) ? "(set)" : text(f.getValue())));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String lastField(String path) {
        String p = path.endsWith("]") ? path.substring(0, path.lastIndexOf('[')) : path;
        return p.substring(p.lastIndexOf('.') + 1);
    }

    private static boolean objectOrMissing(JsonNode n) {
        return n.isObject() || n.isMissingNode() || n.isNull();
    }

    private static boolean arrayOrMissing(JsonNode n) {
        return n.isArray() || n.isMissingNode() || n.isNull();
    }

    private static boolean hasObjects(JsonNode n) {
        if (!n.isArray()) {
            return false;
        }
        for (JsonNode e : n) {
            if (e.isObject()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode orMissing(JsonNode n) {
        return n == null ? MissingNode.getInstance() : n;
    }
}
