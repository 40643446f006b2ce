package org.reachpbx.ui.i18n;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.reachpbx.rules.decision.FiredRule;

/**
 * The rules' trace sentences in the UI language (issue 17, defect 2). A rule is named in English
 * in its DRL file ("NP-10 a manual override decides the active plan"); its text in another
 * language is {@code rule.<the name's words>} in {@code texts/rules_*.properties}. A rule without a
 * text there is shown by its name, so a new rule is never hidden. The details are data (numbers,
 * plans, times) and are shown as noted.
 */
public final class RuleSentences {

    private RuleSentences() {
    }

    /** The rule's sentence in the language {@code translate} speaks. */
    public static String sentence(FiredRule rule, UnaryOperator<String> translate) {
        if (rule == null || rule.rule() == null) {
            return "";
        }
        String text = translate.apply(key(rule.rule()));
        return text == null || text.isBlank() || text.startsWith("!") ? rule.rule() : text;
    }

    /** The sentence and its detail on one line, as the "Active plan now" trace shows it. */
    public static String line(FiredRule rule, UnaryOperator<String> translate) {
        String detail = rule.detail();
        return sentence(rule, translate) + (detail == null || detail.isBlank() ? "" : ": " + detail);
    }

    /** "NP-10 a manual override ..." → {@code rule.np_10_a_manual_override_...}. */
    static String key(String ruleName) {
        return "rule." + ruleName.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }
}
