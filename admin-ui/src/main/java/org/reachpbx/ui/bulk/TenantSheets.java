package org.reachpbx.ui.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.directory.validation.Violation;

/**
 * CSV export and import of a tenant's users and public numbers, for bulk changes (issue 17).
 * An import is all-or-nothing like the YAML import: every row is read and applied to one draft of
 * the tenant, which is then validated and stored as a whole; a sheet with one bad row stores
 * nothing and names each bad row and its reason (a validation problem of a changed user or number
 * is traced back to the row that changed it).
 */
public final class TenantSheets {

    /** Which part of the tenant a sheet holds. */
    public enum Sheet {
        USERS("users", "Users", UserSheet.COLUMNS),
        NUMBERS("numbers", "Numbers", NumberSheet.COLUMNS);

        private final String list;
        private final String area;
        private final List<String> columns;

        Sheet(String list, String area, List<String> columns) {
            this.list = list;
            this.area = area;
            this.columns = columns;
        }

        /** The list of the tenant document it holds ({@code users}, {@code numbers}). */
        public String list() {
            return list;
        }

        public List<String> columns() {
            return columns;
        }

        String export(Tenant tenant) {
            return this == USERS ? UserSheet.export(tenant) : NumberSheet.export(tenant);
        }

        Map<Integer, Integer> apply(Tenant draft, List<CsvSheet.Row> rows) {
            return this == USERS ? UserSheet.apply(draft, rows) : NumberSheet.apply(draft, rows);
        }
    }

    /**
     * Stores a change of a tenant as a whole: a draft, changed, validated and saved (the admin UI's
     * {@code ConfigSupport.save}, which also checks the user's rights and writes the audit entry).
     *
     * @return the violations when refused (nothing stored); empty when stored
     */
    @FunctionalInterface
    public interface Saver {
        List<Violation> save(long tenantId, Consumer<Tenant> change, String action, String detail);
    }

    private final Function<Long, Tenant> reader;
    private final Saver saver;

    public TenantSheets(Function<Long, Tenant> reader, Saver saver) {
        this.reader = reader;
        this.saver = saver;
    }

    /** Sheets stored straight through the editor, with no audit entry (services and tests). */
    public static TenantSheets direct(TenantEditor editor) {
        Function<Long, Tenant> reader = id -> editor.draft(id).orElseThrow(() -> new IllegalArgumentException("no tenant " + id));
        return new TenantSheets(reader, (id, change, action, detail) -> {
            Tenant draft = reader.apply(id);
            change.accept(draft);
            try {
                editor.save(draft);
                return List.of();
            } catch (InvalidConfigurationException e) {
                return e.getViolations();
            }
        });
    }

    /** The sheet as CSV text, the header first. */
    public String export(long tenantId, Sheet sheet) {
        return sheet.export(reader.apply(tenantId));
    }

    /**
     * Reads the CSV and stores its rows, all or nothing.
     *
     * @return the number of rows stored
     * @throws SheetRefused when nothing was stored, with each row's problem
     */
    public int importCsv(long tenantId, Sheet sheet, String csv) {
        List<CsvSheet.Row> rows = CsvSheet.read(csv, List.of("number"), sheet.columns());
        java.util.concurrent.atomic.AtomicReference<Map<Integer, Integer>> rowOfIndex = new java.util.concurrent.atomic.AtomicReference<>(Map.of());
        List<Violation> violations = saver.save(tenantId, draft -> rowOfIndex.set(sheet.apply(draft, rows)),
                sheet.area + ": CSV import", rows.size() + " row(s)");
        if (!violations.isEmpty()) {
            throw new SheetRefused(problems(sheet, violations, rowOfIndex.get()));
        }
        return rows.size();
    }

    /** Each violation with the sheet row that changed the item it is about, when there is one. */
    static List<SheetRefused.Problem> problems(Sheet sheet, List<Violation> violations, Map<Integer, Integer> rowOfIndex) {
        Pattern item = Pattern.compile("^" + sheet.list() + "\\[(\\d+)]\\.?(.*)$");
        List<SheetRefused.Problem> problems = new ArrayList<>();
        for (Violation v : violations) {
            Matcher m = item.matcher(v.path());
            Integer row = m.matches() ? rowOfIndex.get(Integer.parseInt(m.group(1))) : null;
            if (row != null) {
                problems.add(SheetRefused.Problem.violation(row, m.group(2), v));
            } else {
                problems.add(SheetRefused.Problem.elsewhere(v));
            }
        }
        return problems;
    }
}
