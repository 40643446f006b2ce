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
}
