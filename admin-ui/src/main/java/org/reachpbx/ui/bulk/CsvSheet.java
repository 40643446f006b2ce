package org.reachpbx.ui.bulk;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bulk-change spreadsheet as CSV (Jackson's CSV reader and writer, RFC 4180 quoting): a header
 * row naming the columns, then one row per item. Column names match ignoring case; a Dutch Excel's
 * semicolons are read as well as commas. Rows are numbered as a spreadsheet shows them, the header
 * being row 1, so a refusal names the row the admin sees.
 */
final class CsvSheet {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            // quotes only cells that need them ("Dhr. Jansen" stays as typed)
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    /** One data row: its number in the sheet and its cells by (lower-case) column name. */
    record Row(int number, Map<String, String> cells) {
        /** The cell's text, trimmed; empty when the column is absent or the cell empty. */
        String get(String column) {
            String value = cells.get(column.toLowerCase(Locale.ROOT));
            return value == null ? "" : value.trim();
        }

        boolean has(String column) {
            return cells.containsKey(column.toLowerCase(Locale.ROOT));
        }
    }

    private CsvSheet() {
    }

    /**
     * Reads the sheet. {@code required} columns must be in the header and {@code known} lists every
     * column understood (an unknown column is refused rather than silently ignored).
     *
     * @throws SheetRefused naming the row and the reason
     */
    static List<Row> read(String text, List<String> required, List<String> known) {
        String s = text == null ? "" : text;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1); // Excel's byte order mark
        }
        if (s.isBlank()) {
            throw new SheetRefused(1, "fileEmpty", String.join(",", required));
        }
        ObjectReader reader = MAPPER.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator(s)));
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        int number = 0;
        try (MappingIterator<String[]> records = reader.readValues(s)) {
            while (records.hasNextValue()) {
                String[] record = records.nextValue();
                number++;
                if (header == null) {
                    header = header(record, required, known);
                    continue;
                }
                if (blank(record)) {
                    continue;
                }
                if (record.length > header.size()) {
                    throw new SheetRefused(number, "tooManyCells", record.length, header.size());
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < record.length; i++) {
                    cells.put(header.get(i), record[i]);
                }
                rows.add(new Row(number, cells));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SheetRefused refused) {
                throw refused;
            }
            throw new SheetRefused(number + 1, "unreadable", firstLine(e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new SheetRefused(2, "noRows");
        }
        return rows;
    }

    /** Writes the header and the rows as CSV with commas. */
    static String write(List<String> header, List<List<String>> rows) {
        CsvSchema schema = CsvSchema.emptySchema();
        StringWriter out = new StringWriter();
        try (var writer = MAPPER.writerFor(String[].class).with(schema).writeValues(out)) {
            writer.write(header.toArray(String[]::new));
            for (List<String> row : rows) {
                writer.write(row.stream().map(c -> c == null ? "" : c).toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> header(String[] record, List<String> required, List<String> known) {
        List<String> names = new ArrayList<>();
        for (String cell : record) {
            String name = cell == null ? "" : cell.trim().toLowerCase(Locale.ROOT);
            if (known.stream().noneMatch(k -> k.equalsIgnoreCase(name))) {
                throw new SheetRefused(1, "unknownColumn", cell, String.join(", ", known));
            }
            if (names.contains(name)) {
                throw new SheetRefused(1, "columnTwice", cell);
            }
            names.add(name);
        }
        for (String column : required) {
            if (!names.contains(column.toLowerCase(Locale.ROOT))) {
                throw new SheetRefused(1, "columnMissing", column);
            }
        }
        return names;
    }

    private static boolean blank(String[] record) {
        for (String cell : record) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A semicolon when the header has semicolons and no commas (Dutch Excel), else a comma. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.contains(";") && !first.contains(",") ? ';' : ',';
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
