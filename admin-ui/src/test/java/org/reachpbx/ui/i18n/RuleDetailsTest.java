package org.reachpbx.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Issue 17, defect 2: the details of the rules' trace and the reasons of a refusal read in Dutch
 * in the Dutch UI, their data kept and their constants labelled; in English they stay as written.
 */
class RuleDetailsTest {

    final UiTexts texts = new UiTexts();
    final UnaryOperator<String> english = k -> texts.getTranslation(k, UiTexts.ENGLISH);
    final UnaryOperator<String> dutch = k -> texts.getTranslation(k, UiTexts.DUTCH);

    @Test
    void aBarredCallsReasonReadsInDutchWithItsCategoryLabelled() {
        assertThat(RuleDetails.inText("category PREMIUM_0906 is blocked", dutch)).isEqualTo("categorie 0906-nummers is geblokkeerd");
        assertThat(RuleDetails.inText("category PREMIUM_0906 is blocked", english)).isEqualTo("category 0906 numbers is blocked");
        assertThat(RuleDetails.cause("BARRED: category PREMIUM_0906 is blocked", dutch))
                .isEqualTo("geblokkeerd: categorie 0906-nummers is geblokkeerd");
    }

    @Test
    void detailsWithSeveralDataKeepEachInItsPlace() {
        assertThat(RuleDetails.inText("after 20 s to 0612345678", dutch)).isEqualTo("na 20 s naar 0612345678");
        assertThat(RuleDetails.inText("no assistant of 201 can take the call; to 203", dutch))
                .isEqualTo("geen assistent van 201 kan het gesprek aannemen; naar 203");
        assertThat(RuleDetails.inText("forward loop: 201 was already on this call's path", dutch))
                .isEqualTo("doorschakellus: 201 lag al op de weg van dit gesprek");
        assertThat(RuleDetails.inText("caller ID withheld (USER)", dutch)).startsWith("nummerweergave afgeschermd (");
    }

    /** "Active plan now": the phrase inside the phrase and the days of the schedule read in Dutch too. */
    @Test
    void theActivePlansDetailsReadInDutch() {
        assertThat(RuleDetails.inText("0301230000 -> 570 in plan 2 (manual override)", dutch))
                .isEqualTo("0301230000 -> 570 in plan 2 (handmatige omschakeling)");
        assertThat(RuleDetails.inText("plan 1 by [MONDAY, FRIDAY] 08:00-17:00", dutch))
                .isEqualTo("plan 1 volgens [maandag, vrijdag] 08:00-17:00");
        assertThat(RuleDetails.inText("0301230009 is not in the active plan (holiday Kerst)", dutch))
                .isEqualTo("0301230009 staat niet in het actieve plan (vakantie Kerst)");
    }

    @Test
    void aDetailNoPhraseKnowsIsShownAsWrittenWithItsConstantsLabelled() {
        assertThat(RuleDetails.inText("something new PREMIUM_0906", dutch)).isEqualTo("something new 0906-nummers");
        assertThat(RuleDetails.inText("0612345678", dutch)).isEqualTo("0612345678");
        assertThat(RuleDetails.inText(null, dutch)).isNull();
    }

    @Test
    void everyPhraseHasADutchTextWithTheSameData() {
        assertThat(RuleDetails.phrases()).hasSizeGreaterThan(60);
        Pattern placeholder = Pattern.compile("\\{\\d+}");
        for (RuleDetails.Phrase phrase : RuleDetails.phrases()) {
            String en = english.apply(phrase.key());
            String nl = dutch.apply(phrase.key());
            assertThat(nl).as(phrase.key()).doesNotStartWith("!");
            assertThat(placeholders(placeholder, nl)).as(phrase.key()).isEqualTo(placeholders(placeholder, en));
        }
    }

    /**
     * Every detail and reason the routing rules write (their DRL files, read here) matches a phrase:
     * a rule that writes a new sentence without its Dutch fails here. A concatenation is read as its
     * literals with a datum in place of each expression; a choice between two literals is tested above.
     */
    @Test
    void everyDetailTheRoutingRulesWriteHasAPhrase() throws IOException {
        var drls = new PathMatchingResourcePatternResolver().getResources("classpath*:org/reachpbx/rules/engine/*.drl");
        assertThat(drls).hasSizeGreaterThanOrEqualTo(7);
        Pattern call = Pattern.compile("routing\\.(note|refuse|reject|warn)\\(");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (var drl : drls) {
            String text = drl.getContentAsString(StandardCharsets.UTF_8);
            Matcher m = call.matcher(text);
            while (m.find()) {
                List<String> args = arguments(text, m.end());
                String sample = sample(args.get(args.size() - 1));
                if (sample == null) {
                    continue;
                }
                checked++;
                boolean known = RuleDetails.phrases().stream().anyMatch(p -> p.english().matcher(sample).matches());
                if (!known) {
                    missing.add(drl.getFilename() + ": " + sample);
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(missing).as("details without a phrase in texts/rules_*.properties").isEmpty();
    }

    private static TreeSet<String> placeholders(Pattern p, String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The top-level arguments of the call whose argument list starts at {@code from}. */
    private static List<String> arguments(String text, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                if (depth == 0) {
                    args.add(current.toString().trim());
                    return args;
                }
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                args.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new IllegalStateException("unclosed call at " + from);
    }

    /** A concatenation's literals with "D1", "D2", ... for its expressions; null without words or with a choice. */
    private static String sample(String expression) {
        if (!expression.contains("\"") || expression.contains("?")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int data = 0;
        int depth = 0;
        boolean quoted = false;
        StringBuilder part = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == '+') {
                parts.add(part.toString().trim());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString().trim());
        if (parts.stream().noneMatch(p -> p.startsWith("\"") && p.chars().anyMatch(Character::isLetter))) {
            return null; // only data and punctuation ("201;202", area code + " + " + number): nothing to say in words
        }
        for (String p : parts) {
            if (p.startsWith("\"") && p.endsWith("\"")) {
                out.append(p, 1, p.length() - 1);
            } else {
                out.append("D").append(++data);
            }
        }
        return out.toString().replace("\\\"", "\"");
    }
}
