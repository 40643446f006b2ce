package org.reachpbx.ui.i18n;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.reachpbx.rules.decision.FiredRule;

/**
 * The rules' trace sentences in the UI language (issue 17, defect 2). A rule is named in English
 * in its DRL file ("NP-10 a manual override decides the active plan"); its text in another
 * language is {@code rule.<the name's words>} in {@code texts/rules_*.properties}. A rule without a
 * text there is shown by its name, so a new rule is never hidden. The details read in the
 * language through {@link RuleDetails}.
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
        String detail = RuleDetails.inText(rule.detail(), translate);
        return sentence(rule, translate) + (detail == null || detail.isBlank() ? "" : ": " + detail);
    }

    /**
     * A trace as the call records store it (one line per rule: {@code ID rule name: detail}, see
     * docs/operations.md) in the UI language. The rule name may hold a colon itself ("CLX-01 busy
     * as a destination: the caller hears busy"), so the longest start of the line that names a rule
     * with a text wins; a line naming no known rule is shown as stored.
     */
    public static String storedTrace(String trace, UnaryOperator<String> translate) {
        if (trace == null) {
            return null;
        }
        return trace.lines().map(line -> storedLine(line, translate)).collect(java.util.stream.Collectors.joining("\n"));
    }

    static String storedLine(String line, UnaryOperator<String> translate) {
        String[] words = line.split(" ", 3);
        // "NP-10 NP-10 a manual override ...": the requirement, then the rule's name, which starts with it
        boolean requirementFirst = words.length == 3 && words[1].equals(words[0]);
        String rest = requirementFirst ? words[1] + " " + words[2] : line;
        String prefix = requirementFirst ? words[0] + " " : "";
        for (int end = rest.length(); end > 0; end = rest.lastIndexOf(": ", end - 1)) {
            String name = rest.substring(0, end);
            String text = translate.apply(key(name));
            if (text != null && !text.isBlank() && !text.startsWith("!")) {
                String detail = rest.substring(end);
                return prefix + text + (detail.startsWith(": ") ? ": " + RuleDetails.inText(detail.substring(2), translate)
                        : ConstantLabels.inText(detail, translate));
            }
        }
        return line;
    }

    /** "NP-10 a manual override ..." → {@code rule.np_10_a_manual_override_...}. */
    static String key(String ruleName) {
        return "rule." + ruleName.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }
}
