package org.reachpbx.ui.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.PhoneNumbers;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.rules.vocabulary.NumberKind;

/**
 * The public numbers of a tenant as a spreadsheet, for bulk changes: one row per number (number,
 * kind, active, owner, default and anonymous call class). A row with a stored number (in any
 * spelling: 0201110000 is +31201110000) changes it, a new number is added; numbers not in the
 * sheet stay. An empty cell keeps the stored value, {@code -} clears an owner or a call class.
 */
final class NumberSheet {

    static final List<String> COLUMNS = List.of("number", "kind", "active", "owner", "defaultCallClass",
            "anonymousCallClass");

    private NumberSheet() {
    }

    static String export(Tenant tenant) {
        List<List<String>> rows = new ArrayList<>();
        for (PhoneNumber n : tenant.getNumbers()) {
            rows.add(java.util.Arrays.asList(n.getNumber(), n.getKind() == null ? "" : n.getKind().name(),
                    String.valueOf(n.isActive()), n.getOwner(), n.getDefaultCallClass(), n.getAnonymousCallClass()));
        }
        return CsvSheet.write(COLUMNS, rows);
    }

    /** As {@link UserSheet#apply}: the sheet row of each changed index of {@code numbers[...]}. */
    static Map<Integer, Integer> apply(Tenant draft, List<CsvSheet.Row> rows) {
        List<SheetRefused.Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, Integer> rowOfIndex = new HashMap<>();
        List<PhoneNumber> numbers = draft.getNumbers();
        for (CsvSheet.Row row : rows) {
            String number = PhoneNumbers.toE164(row.get("number"));
            if (number.isEmpty()) {
                problems.add(new SheetRefused.Problem(row.number(), "numberEmpty"));
                continue;
            }
            Integer earlier = seen.putIfAbsent(number, row.number());
            if (earlier != null) {
                problems.add(new SheetRefused.Problem(row.number(), "numberTwice", number, earlier));
                continue;
            }
            PhoneNumber target = numbers.stream().filter(n -> number.equals(n.getNumber())).findFirst().orElse(null);
            boolean added = target == null;
            if (added) {
                target = new PhoneNumber();
                target.setNumber(number);
            }
            try {
                change(target, row);
            } catch (IllegalArgumentException e) {
                problems.add(Cells.problem(row.number(), e));
                continue;
            }
            if (added) {
                numbers.add(target);
            }
            rowOfIndex.put(numbers.indexOf(target), row.number());
        }
        if (!problems.isEmpty()) {
            throw new SheetRefused(problems);
        }
        return rowOfIndex;
    }

    private static void change(PhoneNumber number, CsvSheet.Row row) {
        if (!row.get("kind").isEmpty()) {
            number.setKind(Cells.choice("kind", row.get("kind"), NumberKind.class));
        }
        if (!row.get("active").isEmpty()) {
            number.setActive(Cells.yesNo("active", row.get("active")));
        }
        if (!row.get("owner").isEmpty()) {
            number.setOwner(Cells.text(row.get("owner")));
        }
        if (!row.get("defaultCallClass").isEmpty()) {
            number.setDefaultCallClass(Cells.text(row.get("defaultCallClass")));
        }
        if (!row.get("anonymousCallClass").isEmpty()) {
            number.setAnonymousCallClass(Cells.text(row.get("anonymousCallClass")));
        }
    }
}
