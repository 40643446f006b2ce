package org.reachpbx.ui.bulk;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.ui.config.Labels;
import org.reachpbx.ui.i18n.UiTexts;
import org.reachpbx.ui.i18n.ViolationMessages;

/**
 * A bulk-change sheet that is refused as a whole: nothing was stored. Each problem names the row
 * of the sheet (the header is row 1) and the reason.
 */
public class SheetRefused extends RuntimeException {

    /** A column of the sheet, named in a problem: its header in English, its field's label and header in Dutch. */
    record Column(String header) {
    }

    /**
     * One reason: the sheet's row (0 when it belongs to no row) and what is wrong, as the text key
     * {@code sheet.<key>} and its data, so that the admin reads it in the UI's language (issue 17,
     * defect 2); {@link #reason()} is the English text. A datum is said in the language too: a
     * {@link Column} by its field's label, an {@link ExtensionType} by its label, a {@link Violation}
     * of the tenant validator by its sentence ({@link ViolationMessages}); anything else as it is.
     */
    public record Problem(int row, String key, List<Object> args) {

        private static final UiTexts TEXTS = new UiTexts();

        public Problem {
            args = List.copyOf(args); // data are never null: a missing value reads "null", as String.valueOf says
        }

        Problem(int row, String key, Object... args) {
            this(row, key, java.util.Arrays.stream(args).map(a -> a == null ? (Object) "null" : a).toList());
        }

        /** A reason already in words. */
        static Problem text(int row, String reason) {
            return new Problem(row, "text", reason);
        }

        /**
         * A validation problem of the user or number a row changed: {@code field} is the property
         * of that item it is about (a column of the sheet) or empty when it is the item itself.
         */
        static Problem violation(int row, String field, Violation v) {
            return field.isEmpty() ? new Problem(row, "text", v) : new Problem(row, "field", new Column(field), v);
        }

        /** A validation problem outside the rows of the sheet, with its path in the tenant document. */
        static Problem elsewhere(Violation v) {
            return v.path().isEmpty() ? new Problem(0, "text", v) : new Problem(0, "path", v.path(), v);
        }

        public String reason() {
            return reason(UiTexts.ENGLISH);
        }

        public String reason(Locale language) {
            UnaryOperator<String> translate = k -> TEXTS.getTranslation(k, language);
            Object[] said = args.stream().map(a -> say(a, language, translate)).toArray();
            return TEXTS.getTranslation("sheet." + key, language, said);
        }

        private static String say(Object datum, Locale language, UnaryOperator<String> translate) {
            if (datum instanceof Column c) {
                // English names a column by its header; another language by the field's label, the header after it
                String label = Labels.field(c.header(), translate);
                return UiTexts.ENGLISH.getLanguage().equals(language.getLanguage()) || label.equalsIgnoreCase(c.header())
                        ? c.header() : label + " (" + c.header() + ")";
            }
            if (datum instanceof ExtensionType type) {
                return Labels.extensionType(type, translate);
            }
            if (datum instanceof Violation v) {
                return ViolationMessages.reason(v, translate);
            }
            return String.valueOf(datum);
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
