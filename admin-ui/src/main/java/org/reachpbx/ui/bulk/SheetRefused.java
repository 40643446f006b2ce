package org.reachpbx.ui.bulk;

import java.util.List;
import java.util.Locale;
import org.reachpbx.ui.i18n.UiTexts;

/**
 * A bulk-change sheet that is refused as a whole: nothing was stored. Each problem names the row
 * of the sheet (the header is row 1) and the reason.
 */
public class SheetRefused extends RuntimeException {

    /**
     * One reason: the sheet's row (0 when it belongs to no row) and what is wrong, as the text key
     * {@code sheet.<key>} and its arguments, so that the admin reads it in the UI's language
     * (issue 17, defect 2); {@link #reason()} is the English text.
     */
    public record Problem(int row, String key, List<String> args) {

        private static final UiTexts TEXTS = new UiTexts();

        public Problem {
            args = List.copyOf(args);
        }

        Problem(int row, String key, Object... args) {
            this(row, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }

        /** A reason already in words (a validation message of the tenant). */
        static Problem text(int row, String reason) {
            return new Problem(row, "text", reason);
        }

        public String reason() {
            return reason(UiTexts.ENGLISH);
        }

        public String reason(Locale language) {
            return TEXTS.getTranslation("sheet." + key, language, args.toArray());
        }

        @Override
        public String toString() {
            return row > 0 ? "row " + row + ": " + reason() : reason();
        }
    }

    private final transient List<Problem> problems;

    public SheetRefused(List<Problem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    SheetRefused(int row, String key, Object... args) {
        this(List.of(new Problem(row, key, args)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
