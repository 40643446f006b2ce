package org.reachpbx.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UiTextsTest {

    final UiTexts texts = new UiTexts();

    @Test
    void speaksDutchToDutchBrowsersAndEnglishToTheRest() {
        assertThat(texts.getTranslation("app.logout", Locale.forLanguageTag("nl-NL"))).isEqualTo("Afmelden");
        assertThat(texts.getTranslation("app.logout", Locale.forLanguageTag("en-GB"))).isEqualTo("Log out");
        assertThat(texts.getTranslation("app.logout", Locale.GERMAN)).isEqualTo("Log out");
    }

    @Test
    void englishPickersWriteDatesDayMonthYearOnA24HourClock() {
        assertThat(UiTexts.pickerLocale(Locale.ENGLISH)).isEqualTo(Locale.UK);
        assertThat(UiTexts.pickerLocale(null)).isEqualTo(Locale.UK);
        assertThat(UiTexts.pickerLocale(UiTexts.DUTCH)).isEqualTo(UiTexts.DUTCH);
    }

    /** Dutch date pickers name months and days in Dutch, say Vandaag / Annuleren and start the week on Monday (issue 17, defect 2). */
    @Test
    void datePickersSpeakDutchAndStartTheWeekOnMonday() {
        var nl = UiTexts.datePickerI18n(UiTexts.DUTCH);
        assertThat(nl.getMonthNames()).hasSize(12).startsWith("januari", "februari").endsWith("december");
        assertThat(nl.getWeekdays()).containsExactly("zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                "zaterdag");
        assertThat(nl.getWeekdaysShort()).containsExactly("zo", "ma", "di", "wo", "do", "vr", "za");
        assertThat(nl.getToday()).isEqualTo("Vandaag");
        assertThat(nl.getCancel()).isEqualTo("Annuleren");
        assertThat(nl.getFirstDayOfWeek()).isEqualTo(1);

        var en = UiTexts.datePickerI18n(Locale.ENGLISH);
        assertThat(en.getMonthNames()).startsWith("January");
        assertThat(en.getWeekdays()).startsWith("Sunday", "Monday");
        assertThat(en.getToday()).isEqualTo("Today");
        assertThat(en.getFirstDayOfWeek()).isEqualTo(1);
    }

    /** An upload's own button says it in Dutch (issue 17, defect 2). */
    @Test
    void uploadsSpeakDutch() {
        var upload = new com.vaadin.flow.component.upload.Upload();
        UiTexts.localize(upload, UiTexts.DUTCH);
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("Bestand uploaden...");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("Sleep een bestand hierheen");
    }

    /** The extension types in the tenants list show their labels, not USER or LBR (issue 17, defect 2). */
    @Test
    void everyExtensionTypeHasALabelInBothLanguages() {
        for (var type : org.reachpbx.rules.vocabulary.ExtensionType.values()) {
            for (Locale language : List.of(Locale.ENGLISH, UiTexts.DUTCH)) {
                String label = org.reachpbx.ui.config.Labels.extensionType(type, k -> texts.getTranslation(k, language));
                assertThat(label).as(type + " in " + language).doesNotContain("!").doesNotContain("_");
                if (type != org.reachpbx.rules.vocabulary.ExtensionType.IVR) { // "IVR" is its label in both languages
                    assertThat(label).as(type + " in " + language).isNotEqualTo(type.name());
                }
            }
        }
        assertThat(org.reachpbx.ui.config.Labels.extensionType(org.reachpbx.rules.vocabulary.ExtensionType.LBR,
                k -> texts.getTranslation(k, UiTexts.DUTCH))).isEqualTo(texts.getTranslation("config.kind.lbr", UiTexts.DUTCH));
    }

    @Test
    void aMissingKeyIsVisible() {
        assertThat(texts.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    /** Every text exists in both languages, so no Dutch page shows an English or missing text. */
    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        for (String bundle : UiTexts.BUNDLES) {
            Properties en = load(bundle + "_en.properties");
            Properties nl = load(bundle + "_nl.properties");
            assertThat(nl.keySet()).as(bundle).containsExactlyInAnyOrderElementsOf(en.keySet());
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UiTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return p;
    }
}
