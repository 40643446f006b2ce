package org.reachpbx.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * The admin UI's texts in Dutch and English. Each area keeps its own bundle under {@code texts/}
 * ({@code texts/common_nl.properties}, ...), so views of different areas never edit one file. A key
 * is looked up in every bundle in turn; a missing key shows as {@code !key!} so it is seen, never
 * silently blank. Vaadin picks the browser's language among {@link #LOCALES}; the header has a
 * switch.
 */
@Component
public class UiTexts implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final List<Locale> LOCALES = List.of(ENGLISH, DUTCH);
    /** The bundles, one per area of the UI. */
    static final List<String> BUNDLES = List.of("texts/common", "texts/config", "texts/reach", "texts/sounds",
            "texts/calls");

    /**
     * The locale of date and time pickers for a UI language: English pickers write dates
     * day-month-year with a 24-hour clock (en-GB), as a Dutch operator does, not the US way.
     */
    public static Locale pickerLocale(Locale ui) {
        return ui == null || ENGLISH.getLanguage().equals(ui.getLanguage()) ? Locale.UK : ui;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = DUTCH.getLanguage().equals(locale == null ? null : locale.getLanguage()) ? DUTCH : ENGLISH;
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, language, NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    String text = bundle.getString(key);
                    return params.length == 0 ? text : new MessageFormat(text, language).format(params);
                }
            } catch (MissingResourceException absent) {
                // this area has no bundle (yet): look in the next one
            }
        }
        return "!" + key + "!";
    }

    /** English is the base bundle ({@code name.properties} or {@code name_en.properties}); never the JVM's locale. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
