package org.reachpbx.ui.i18n;

import com.vaadin.flow.component.UI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.directory.validation.ViolationTexts;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.ui.config.Labels;

/**
 * Why a configuration was refused, in the UI language (issue 17, defect 2): a violation of the
 * tenant validator carries its sentence's text key and data ({@link ViolationTexts}); the admin UI
 * says the same key from {@code texts/violations_*.properties} with the data filled in, the
 * extension types among the data by their labels ("a Belgroep", not "a GROUP"). A violation
 * without a key (a YAML parse error, which stays English) is shown as it is.
 */
public final class ViolationMessages {

    private static final UiTexts TEXTS = new UiTexts();
    /** The sentences whose first datum is a field of the form ("is required when {0} is set"): named by its label. */
    private static final java.util.Set<String> NAMES_A_FIELD = java.util.Set.of("requiredWhen");
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

    private ViolationMessages() {
    }

    /** The reason of {@code v} in the language {@code translate} speaks. */
    public static String reason(Violation v, UnaryOperator<String> translate) {
        if (v.key() == null) {
            return v.message();
        }
        String text = translate.apply(ViolationTexts.PREFIX + v.key());
        if (text == null || text.isBlank() || text.startsWith("!")) {
            return v.message();
        }
        List<String> data = new java.util.ArrayList<>();
        for (int i = 0; i < v.args().size(); i++) {
            String datum = v.args().get(i);
            data.add(i == 0 && NAMES_A_FIELD.contains(v.key()) ? Labels.field(datum, translate) : labelled(datum, translate));
        }
        return ViolationTexts.fill(text, data);
    }

    /** The reason of {@code v} in {@code language}. */
    public static String reason(Violation v, Locale language) {
        return reason(v, key -> TEXTS.getTranslation(key, language));
    }

    /** The violations, each with its reason in {@code language} (path, key and data unchanged). */
    public static List<Violation> in(List<Violation> violations, Locale language) {
        return violations.stream().map(v -> new Violation(v.path(), reason(v, language), v.key(), v.args())).toList();
    }

    /** As {@link #in(List, Locale)}, in the language of the current UI (English without one). */
    public static List<Violation> inUiLanguage(List<Violation> violations) {
        UI ui = UI.getCurrent();
        return in(violations, ui == null ? UiTexts.ENGLISH : ui.getLocale());
    }

    /** A datum with the extension types in it by their labels ("[USER, GROUP]" → "[Gebruiker, Belgroep]"). */
    private static String labelled(String datum, UnaryOperator<String> translate) {
        Matcher m = CONSTANT.matcher(datum);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String label = Arrays.stream(ExtensionType.values()).filter(t -> t.name().equals(word)).findFirst()
                    .map(t -> Labels.extensionType(t, translate)).orElse(word);
            m.appendReplacement(out, Matcher.quoteReplacement(label));
        }
        m.appendTail(out);
        return out.toString();
    }
}
