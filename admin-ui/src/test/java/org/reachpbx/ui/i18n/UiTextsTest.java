package org.reachpbx.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
