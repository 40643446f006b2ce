package org.reachpbx.ui.bulk;

import java.util.List;

/**
 * A bulk-change sheet that is refused as a whole: nothing was stored. Each problem names the row
 * of the sheet (the header is row 1) and the reason.
 */
public class SheetRefused extends RuntimeException {

    /** One reason: the sheet's row (0 when it belongs to no row) and what is wrong. */
    public record Problem(int row, String reason) {
        @Override
        public String toString() {
            return row > 0 ? "row " + row + ": " + reason : reason;
        }
    }

    private final transient List<Problem> problems;

    public SheetRefused(List<Problem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    SheetRefused(int row, String reason) {
        this(List.of(new Problem(row, reason)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
