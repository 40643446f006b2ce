package org.reachpbx.ui.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.rules.vocabulary.Language;
import org.reachpbx.rules.vocabulary.Licence;

/**
 * The users of a tenant as a spreadsheet, for bulk changes: one row per user (number, name,
 * licence, language, area code, PIN). A row with a user's number changes that user, a new number
 * adds a user (it needs a name and a PIN); users not in the sheet stay as they are. An empty cell
 * keeps the stored value, {@code -} clears an area code. The PIN column is empty on export (PINs are
 * stored hashed and never leave the server); a PIN typed in it sets a new one.
 */
final class UserSheet {

    static final List<String> COLUMNS = List.of("number", "name", "licence", "language", "areaCode", "pin");

    private UserSheet() {
    }

    static String export(Tenant tenant) {
        List<List<String>> rows = new ArrayList<>();
        for (UserExtension u : tenant.getUsers()) {
            rows.add(java.util.Arrays.asList(u.getNumber(), u.getName(), u.getLicence() == null ? "" : u.getLicence().name(),
                    u.getLanguage() == null ? "" : u.getLanguage().name(), u.getAreaCode(), ""));
        }
        return CsvSheet.write(COLUMNS, rows);
    }

    /**
     * Applies the sheet's rows to the draft.
     *
     * @return which sheet row changed or added the user at each index of {@code users[...]}
     * @throws SheetRefused with every row that cannot be applied
     */
    static Map<Integer, Integer> apply(Tenant draft, List<CsvSheet.Row> rows) {
        List<SheetRefused.Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<UserExtension> touched = new ArrayList<>();
        List<Integer> touchedRows = new ArrayList<>();
        for (CsvSheet.Row row : rows) {
            String number = row.get("number");
            if (number.isEmpty()) {
                problems.add(new SheetRefused.Problem(row.number(), "numberEmpty"));
                continue;
            }
            Integer earlier = seen.putIfAbsent(number, row.number());
            if (earlier != null) {
                problems.add(new SheetRefused.Problem(row.number(), "userTwice", number, earlier));
                continue;
            }
            Optional<Extension> existing = draft.extension(number);
            if (existing.isPresent() && !(existing.get() instanceof UserExtension)) {
                problems.add(new SheetRefused.Problem(row.number(), "notAUser", number, existing.get().getType()));
                continue;
            }
            UserExtension user = existing.map(UserExtension.class::cast).orElseGet(() -> {
                UserExtension added = new UserExtension();
                added.setNumber(number);
                return added;
            });
            try {
                change(user, row);
            } catch (IllegalArgumentException e) {
                problems.add(Cells.problem(row.number(), e));
                continue;
            }
            if (existing.isEmpty()) {
                draft.getExtensions().add(user);
            }
            touched.add(user);
            touchedRows.add(row.number());
        }
        if (!problems.isEmpty()) {
            throw new SheetRefused(problems);
        }
        Map<Integer, Integer> rowOfIndex = new HashMap<>();
        List<UserExtension> users = draft.getUsers();
        for (int i = 0; i < touched.size(); i++) {
            rowOfIndex.put(users.indexOf(touched.get(i)), touchedRows.get(i));
        }
        return rowOfIndex;
    }

    private static void change(UserExtension user, CsvSheet.Row row) {
        if (!row.get("name").isEmpty()) {
            user.setName(row.get("name"));
        }
        if (!row.get("licence").isEmpty()) {
            user.setLicence(Cells.choice("licence", row.get("licence"), Licence.class));
        }
        if (!row.get("language").isEmpty()) {
            user.setLanguage(Cells.choice("language", row.get("language"), Language.class));
        }
        if (!row.get("areaCode").isEmpty()) {
            user.setAreaCode(Cells.text(row.get("areaCode")));
        }
        if (!row.get("pin").isEmpty()) {
            user.setPin(row.get("pin"));
        }
    }
}
