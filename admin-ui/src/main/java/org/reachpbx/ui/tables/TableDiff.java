package org.reachpbx.ui.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The difference between two versions of one table (rows without the header): rows are matched by
 * their first cell (the key of every analyst table). A key found once on each side whose other
 * cells differ is CHANGED; rows only in the draft are ADDED, rows only in the active version
 * REMOVED. Keys that occur several times are compared as whole rows.
 */
public final class TableDiff {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One difference; {@code before} is null for ADDED, {@code after} null for REMOVED. */
    public record Change(Kind kind, List<String> before, List<String> after) {
        public List<String> row() {
            return after != null ? after : before;
        }

        /** Whether cell {@code i} differs (always for ADDED and REMOVED). */
        public boolean differs(int i) {
            return kind != Kind.CHANGED || !Objects.equals(cell(before, i), cell(after, i));
        }
    }

    private TableDiff() {
    }

    public static List<Change> diff(List<List<String>> active, List<List<String>> draft) {
        Map<String, List<List<String>>> before = byKey(active);
        Map<String, List<List<String>>> after = byKey(draft);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> e : after.entrySet()) {
            List<List<String>> old = before.getOrDefault(e.getKey(), List.of());
            List<List<String>> now = e.getValue();
            if (old.size() == 1 && now.size() == 1) {
                if (!trimmed(old.get(0)).equals(trimmed(now.get(0)))) {
                    changes.add(new Change(Kind.CHANGED, old.get(0), now.get(0)));
                }
                continue;
            }
            List<List<String>> oldLeft = new ArrayList<>(old.stream().map(TableDiff::trimmed).toList());
            for (List<String> row : now) {
                if (!oldLeft.remove(trimmed(row))) {
                    changes.add(new Change(Kind.ADDED, null, row));
                }
            }
            List<List<String>> nowLeft = new ArrayList<>(now.stream().map(TableDiff::trimmed).toList());
            for (List<String> row : old) {
                if (!nowLeft.remove(trimmed(row))) {
                    changes.add(new Change(Kind.REMOVED, row, null));
                }
            }
        }
        for (Map.Entry<String, List<List<String>>> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                e.getValue().forEach(row -> changes.add(new Change(Kind.REMOVED, row, null)));
            }
        }
        return changes;
    }

    private static Map<String, List<List<String>>> byKey(List<List<String>> rows) {
        Map<String, List<List<String>>> map = new LinkedHashMap<>();
        for (List<String> row : rows) {
            map.computeIfAbsent(cell(row, 0).trim(), k -> new ArrayList<>()).add(row);
        }
        return map;
    }

    /** The row without trailing empty cells and surrounding blanks, for comparing. */
    private static List<String> trimmed(List<String> row) {
        List<String> t = new ArrayList<>(row.stream().map(c -> c == null ? "" : c.trim()).toList());
        while (!t.isEmpty() && t.get(t.size() - 1).isEmpty()) {
            t.remove(t.size() - 1);
        }
        return t;
    }

    static String cell(List<String> row, int i) {
        return row == null || i >= row.size() || row.get(i) == null ? "" : row.get(i).trim();
    }
}
