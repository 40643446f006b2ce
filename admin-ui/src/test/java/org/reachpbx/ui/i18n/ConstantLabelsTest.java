package org.reachpbx.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.RejectCause;
import org.reachpbx.rules.tables.TableState;
import org.reachpbx.rules.vocabulary.BarringCategory;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.ForwardCallerId;
import org.reachpbx.rules.vocabulary.LbrType;
import org.reachpbx.rules.vocabulary.Presence;
import org.reachpbx.ui.config.Labels;

/** Issue 17, defect 2: no enum constant reaches a user; each has a label in English and in Dutch. */
class ConstantLabelsTest {

    final UiTexts texts = new UiTexts();
    final UnaryOperator<String> english = k -> texts.getTranslation(k, UiTexts.ENGLISH);
    final UnaryOperator<String> dutch = k -> texts.getTranslation(k, UiTexts.DUTCH);

    /** The constants a routing decision or its trace carries as text. */
    @Test
    void everyConstantADecisionCarriesHasALabelInBothLanguages() {
        for (List<? extends Enum<?>> constants : List.<List<? extends Enum<?>>>of(List.of(BarringCategory.values()),
                List.of(Presence.values()), List.of(ForwardCallerId.values()), List.of(LbrType.values()),
                List.of(DeviceType.values()), List.of(RejectCause.values()), List.of(MediaService.Kind.values()))) {
            for (Enum<?> c : constants) {
                for (UnaryOperator<String> language : List.of(english, dutch)) {
                    assertThat(ConstantLabels.label(c.name(), language)).as(c.getDeclaringClass().getSimpleName() + "." + c)
                            .isNotEqualTo(c.name()).doesNotStartWith("!");
                }
            }
        }
    }

    @Test
    void aTraceDetailNamesTheCategoryNotItsConstant() {
        assertThat(ConstantLabels.inText("class PREMIUM_0900", dutch)).isEqualTo("class 0900-nummers");
        assertThat(ConstantLabels.inText("class PREMIUM_0900", english)).doesNotContain("PREMIUM_0900");
        assertThat(ConstantLabels.inText("status BUSY; 2 of 3 calls up", dutch)).isEqualTo("status bezet; 2 of 3 calls up");
        assertThat(ConstantLabels.inText("201 -> 202 in plan 1", dutch)).isEqualTo("201 -> 202 in plan 1");
        assertThat(RuleSentences.line(new FiredRule("LBR-01 x", "LBR-01", "AREA_CODE"), dutch)).endsWith(": Netnummer");
    }

    /** The rule tables' states and the users' roles, as the header and the versions grid show them. */
    @Test
    void tableStatesAndRolesHaveLabelsInBothLanguages() {
        assertThat(texts.getTranslation("tables.state." + TableState.PUBLISHED.name(), UiTexts.DUTCH)).isEqualTo("gepubliceerd");
        assertThat(texts.getTranslation("tables.state." + TableState.PUBLISHED.name(), Locale.ENGLISH)).isEqualTo("published");
        for (TableState s : TableState.values()) {
            for (Locale l : List.of(UiTexts.ENGLISH, UiTexts.DUTCH)) {
                assertThat(texts.getTranslation("tables.state." + s.name(), l)).as(s + " in " + l).doesNotStartWith("!");
            }
        }
        for (UiRole r : UiRole.values()) {
            assertThat(Labels.choice(UiRole.class, r.name(), english)).as(r.name()).isNotEqualTo(r.name());
            assertThat(Labels.choice(UiRole.class, r.name(), dutch)).as(r.name()).isNotEqualTo(r.name());
        }
    }
}
