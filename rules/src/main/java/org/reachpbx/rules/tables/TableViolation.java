package org.reachpbx.rules.tables;

/**
 * One reason a set of analyst tables cannot be published, in the terms of the spreadsheet the
 * analyst edits.
 *
 * @param table   the table id, e.g. {@code region-groups}
 * @param row     the spreadsheet row: the header is row 1, the first data row is row 2; null when
 *                the problem concerns the whole table (a missing table or a missing row)
 * @param column  the column name as in the header; null when the problem concerns a whole row or table
 * @param message why, in words an analyst understands
 */
public record TableViolation(String table, Integer row, String column, String message) {

    static TableViolation table(TableName table, String message) {
        return new TableViolation(table.id(), null, null, message);
    }

    static TableViolation cell(TableName table, int row, String column, String message) {
        return new TableViolation(table.id(), row, column, message);
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(table).append(".csv");
        if (row != null) {
            where.append(" row ").append(row);
        }
        if (column != null) {
            where.append(row != null ? ", " : " ").append("column ").append(column);
        }
        return where + ": " + message;
    }
}
