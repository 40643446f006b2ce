package org.reachpbx.ui.bulk;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reading one cell of a bulk-change sheet as a choice or a yes/no, with the reason when it is neither. */
final class Cells {

    /** In an optional text column, this clears the stored value (an empty cell keeps it). */
    static final String CLEAR = "-";

    private static final List<String> YES = List.of("true", "yes", "ja", "y", "j", "1");
    private static final List<String> NO = List.of("false", "no", "nee", "n", "0");

    private Cells() {
    }

    /** The constant named by the cell (any case). */
    static <E extends Enum<E>> E choice(String column, String cell, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(cell)) {
                return constant;
            }
        }
        throw new CellRefused("cell.choice", new SheetRefused.Column(column), cell,
                Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    static boolean yesNo(String column, String cell) {
        String c = cell.toLowerCase(Locale.ROOT);
        if (YES.contains(c)) {
            return true;
        }
        if (NO.contains(c)) {
            return false;
        }
        throw new CellRefused("cell.yesNo", new SheetRefused.Column(column), cell);
    }

    /** A cell that is not what its column takes: the problem of its row, by text key ({@link SheetRefused.Problem}). */
    static final class CellRefused extends IllegalArgumentException {
        final String key;
        final transient Object[] args;

        CellRefused(String key, Object... args) {
            super(new SheetRefused.Problem(0, key, args).reason());
            this.key = key;
            this.args = args;
        }

        SheetRefused.Problem at(int row) {
            return new SheetRefused.Problem(row, key, args);
        }
    }

    /** The problem of a row whose change threw: its own key when a cell was refused, else the message. */
    static SheetRefused.Problem problem(int row, IllegalArgumentException e) {
        return e instanceof CellRefused refused ? refused.at(row) : SheetRefused.Problem.text(row, e.getMessage());
    }

    /** An optional text: null when the cell says {@link #CLEAR}. */
    static String text(String cell) {
        return CLEAR.equals(cell) ? null : cell;
    }
}
