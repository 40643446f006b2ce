package org.reachpbx.rules.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One decision table read from CSV with Jackson's CSV reader: the header row names the columns,
 * every further row is one rule. Rows are numbered as a spreadsheet shows them (the header is row
 * 1). Blank rows are skipped but counted. Comma, semicolon (Dutch spreadsheet exports) and tab
 * separators are recognised from the header row; a UTF-8 byte-order mark is ignored.
 */
final class CsvTable {

    /** One data row: its spreadsheet row number and its values by (canonical) column name; missing cells are "". */
    record Row(int number, Map<String, String> values) {
        String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value;
        }
    }

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private final List<Row> rows;

    private CsvTable(List<Row> rows) {
        this.rows = rows;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * Reads a table. {@code required} and {@code optional} are the column names; header names match
     * them ignoring case and surrounding spaces. Problems with the text or the header are added to
     * {@code violations}; then null is returned and the rows are not looked at.
     */
    static CsvTable read(TableName table, String text, List<String> required, List<String> optional,
                         List<TableViolation> violations) {
        if (text == null) {
            violations.add(TableViolation.table(table, "the table is missing"));
            return null;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            violations.add(TableViolation.table(table, "the table is empty: it needs a header row and at least one data row"));
            return null;
        }
        ObjectReader reader = MAPPER.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator(text)));
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        int before = violations.size();
        int rowNumber = 0;
        try (MappingIterator<String[]> records = reader.readValues(text)) {
            while (records.hasNextValue()) {
                String[] record = records.nextValue();
                rowNumber++;
                if (header == null) {
                    header = header(table, record, required, optional, violations);
                    if (violations.size() > before) {
                        return null;
                    }
                    continue;
                }
                if (blank(record)) {
                    continue;
                }
                if (record.length > header.size() && !blank(record, header.size())) {
                    violations.add(TableViolation.cell(table, rowNumber, null, "the row has " + record.length
                            + " values, but the header names only " + header.size() + " columns"));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), i < record.length && record[i] != null ? record[i].trim() : "");
                }
                rows.add(new Row(rowNumber, values));
            }
        } catch (JsonProcessingException e) {
            violations.add(TableViolation.cell(table, rowNumber + 1, null,
                    "the CSV text cannot be read here: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            violations.add(TableViolation.table(table, "the CSV text cannot be read: " + e.getMessage()));
            return null;
        }
        if (rows.isEmpty()) {
            violations.add(TableViolation.table(table, "the table has no data rows"));
            return null;
        }
        return new CsvTable(List.copyOf(rows));
    }

    /** Canonical column names in header order, or violations for unknown, duplicate and missing columns. */
    private static List<String> header(TableName table, String[] record, List<String> required, List<String> optional,
                                       List<TableViolation> violations) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String column : required) {
            known.put(column.toLowerCase(Locale.ROOT), column);
        }
        for (String column : optional) {
            known.put(column.toLowerCase(Locale.ROOT), column);
        }
        List<String> names = new ArrayList<>();
        for (String cell : record) {
            String name = cell == null ? "" : cell.trim();
            String canonical = known.get(name.toLowerCase(Locale.ROOT));
            if (canonical == null) {
                violations.add(TableViolation.cell(table, 1, name, name.isEmpty()
                        ? "the header row has an empty column name; the columns are " + String.join(", ", known.values())
                        : "unknown column '" + name + "'; the columns are " + String.join(", ", known.values())));
            } else if (names.contains(canonical)) {
                violations.add(TableViolation.cell(table, 1, canonical, "the column '" + canonical + "' appears twice"));
            }
            names.add(canonical);
        }
        for (String column : required) {
            if (!names.contains(column)) {
                violations.add(TableViolation.cell(table, 1, column, "the required column '" + column + "' is missing"
                        + " (the first row must name the columns: " + String.join(", ", known.values()) + ")"));
            }
        }
        return names;
    }

    private static boolean blank(String[] record) {
        return blank(record, 0);
    }

    private static boolean blank(String[] record, int from) {
        for (int i = from; i < record.length; i++) {
            if (record[i] != null && !record[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The separator the header row uses: the most frequent of comma, semicolon and tab outside quotes. */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
