package org.reachpbx.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.directory.validation.ViolationTexts;

/**
 * Issue 17: the reasons the tenant validator gives read in the UI's language, in every editor and
 * for a refused CSV row: each sentence the validator can write has its key in English and Dutch
 * with the same data, and the extension types and fields among the data read as their labels.
 */
class ViolationMessagesTest {

    final UiTexts texts = new UiTexts();

    @Test
    void everySentenceOfTheValidatorIsSaidInEnglishAndDutchWithTheSameData() {
        assertThat(ViolationTexts.keys()).hasSizeGreaterThan(90);
        for (String key : ViolationTexts.keys()) {
            String en = texts.getTranslation(ViolationTexts.PREFIX + key, UiTexts.ENGLISH);
            String nl = texts.getTranslation(ViolationTexts.PREFIX + key, UiTexts.DUTCH);
            assertThat(en).as(key).doesNotStartWith("!");
            assertThat(nl).as(key).doesNotStartWith("!").isNotEqualTo(en);
            assertThat(placeholders(nl)).as(key + " in Dutch").isEqualTo(placeholders(en));
        }
    }

    @Test
    void aReasonReadsInDutchWithItsDataInPlace() {
        Violation v = Violation.of("users[0].reach.matrix[1].profile", "noProfile", "Thuis");
        assertThat(ViolationMessages.reason(v, UiTexts.DUTCH)).isEqualTo("er is geen profiel 'Thuis'");
        assertThat(ViolationMessages.reason(v, UiTexts.ENGLISH)).isEqualTo("there is no profile 'Thuis'");
        assertThat(ViolationMessages.reason(Violation.of("ivrs[0].options[0].digits", "tooManyDigits", "123", 3, 2),
                UiTexts.DUTCH)).isEqualTo("'123' heeft 3 cijfers, meer dan het maximum (2)");
    }

    @Test
    void extensionTypesAndFieldsAmongTheDataReadAsTheirLabels() {
        Violation wrongType = Violation.of("extensionChoosers[0].fallbackExtension", "wrongExtensionType", "300", "QUEUE",
                "[USER, GROUP]");
        assertThat(ViolationMessages.reason(wrongType, UiTexts.DUTCH))
                .isEqualTo("toestel 300 is van de soort Wachtrij; toegestaan: [Gebruiker, Belgroep]");
        assertThat(ViolationMessages.reason(wrongType, UiTexts.ENGLISH)).doesNotContain("QUEUE", "USER", "GROUP");
        assertThat(ViolationMessages.reason(Violation.of("ivrs[0].failoverDestination", "requiredWhen", "failoverTimeout"),
                UiTexts.DUTCH)).isEqualTo("is verplicht als Failover time-out (s) is ingevuld");
    }

    @Test
    void aReasonWithoutAKeyIsShownAsItIs() {
        Violation yaml = new Violation("", "not valid YAML at line 3");
        assertThat(ViolationMessages.reason(yaml, UiTexts.DUTCH)).isEqualTo("not valid YAML at line 3");
        assertThat(ViolationMessages.in(java.util.List.of(yaml, Violation.of("pin", "pinRun")), UiTexts.DUTCH))
                .extracting(Violation::toString)
                .containsExactly("not valid YAML at line 3", "pin: is onveilig: een reeks opeenvolgende cijfers");
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
