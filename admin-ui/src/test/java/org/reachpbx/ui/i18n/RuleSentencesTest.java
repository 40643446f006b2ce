package org.reachpbx.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.decision.FiredRule;

/** The rules' trace sentences in Dutch (issue 17, defect 2); English and unknown rules as named. */
class RuleSentencesTest {

    final UiTexts texts = new UiTexts();

    @Test
    void theActivePlanRulesReadInDutchWithTheirDetails() {
        FiredRule override = new FiredRule("NP-10 a manual override decides the active plan", "NP-10", "plan 2");
        assertThat(RuleSentences.line(override, k -> texts.getTranslation(k, UiTexts.DUTCH)))
                .isEqualTo("NP-10 een handmatige omschakeling bepaalt het actieve plan: plan 2");
        FiredRule entry = new FiredRule(
                "NP-06 the active plan's entry routes the number to its extension, its prefix shown in front", "NP-06", null);
        assertThat(RuleSentences.sentence(entry, k -> texts.getTranslation(k, UiTexts.DUTCH)))
                .isEqualTo("NP-06 de regel van het actieve plan leidt het nummer naar zijn toestel, met het voorvoegsel ervoor");
        assertThat(RuleSentences.sentence(entry, k -> texts.getTranslation(k, Locale.ENGLISH))).isEqualTo(entry.rule());
    }

    @Test
    void aRuleWithoutATextIsShownByItsName() {
        FiredRule other = new FiredRule("REACH-99 something new", "REACH-99", "x");
        assertThat(RuleSentences.line(other, k -> texts.getTranslation(k, UiTexts.DUTCH)))
                .isEqualTo("REACH-99 something new: x");
    }

    /**
     * Every routing rule (the ones the simulator, "Active plan now" and the call history trace) has
     * a Dutch sentence: the rule names are read from the rules' DRL files, so a new rule without
     * its Dutch text fails here.
     */
    @Test
    void everyRoutingRuleReadsInDutch() throws java.io.IOException {
        var drls = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/reachpbx/rules/engine/*.drl");
        assertThat(drls).as("the routing rules' DRL files").hasSizeGreaterThanOrEqualTo(7);
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("(?m)^rule \"([^\"]+)\"");
        int rules = 0;
        for (var drl : drls) {
            String text = drl.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            var m = name.matcher(text);
            while (m.find()) {
                rules++;
                FiredRule rule = new FiredRule(m.group(1), m.group(1).split(" ")[0], null);
                assertThat(RuleSentences.sentence(rule, k -> texts.getTranslation(k, UiTexts.DUTCH)))
                        .as("the Dutch sentence of " + m.group(1)).isNotEqualTo(m.group(1))
                        .startsWith(m.group(1).split(" ")[0] + " ");
                assertThat(RuleSentences.sentence(rule, k -> texts.getTranslation(k, Locale.ENGLISH))).isEqualTo(m.group(1));
            }
        }
        assertThat(rules).isGreaterThan(100);
        FiredRule barred = new FiredRule(
                "CB-03 a destination in a category blocked for the account or the user is barred", "CB-03", "PREMIUM_0900");
        assertThat(RuleSentences.line(barred, k -> texts.getTranslation(k, UiTexts.DUTCH))).isEqualTo(
                "CB-03 een bestemming in een categorie die voor het account of de gebruiker geblokkeerd is, is geblokkeerd: 0900-nummers");
    }

    /** The call history shows the trace the call record stored: in Dutch, rule names with a colon of their own too. */
    @Test
    void aStoredTraceReadsInDutch() {
        String stored = "CLX-01 CLX-01 busy as a destination: the caller hears busy\n"
                + "NP-10 NP-10 a manual override decides the active plan: plan 2\n"
                + "XX-1 XX-1 an unknown rule: kept";
        assertThat(RuleSentences.storedTrace(stored, k -> texts.getTranslation(k, UiTexts.DUTCH))).isEqualTo(
                "CLX-01 CLX-01 bezet als bestemming: de beller hoort de bezettoon\n"
                        + "NP-10 NP-10 een handmatige omschakeling bepaalt het actieve plan: plan 2\n"
                        + "XX-1 XX-1 an unknown rule: kept");
        assertThat(RuleSentences.storedTrace(stored, k -> texts.getTranslation(k, Locale.ENGLISH))).isEqualTo(stored);
    }
}
