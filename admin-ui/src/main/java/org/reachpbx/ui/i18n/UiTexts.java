package org.reachpbx.ui.i18n;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.i18n.I18NProvider;
import java.text.DateFormatSymbols;
import java.text.MessageFormat;
import java.util.Arrays;
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
    /**
     * The bundles, one per area of the UI; the last one holds the validator's reasons, its English in
     * the directory ({@code ViolationTexts}), its Dutch here.
     */
    static final List<String> BUNDLES = List.of("texts/common", "texts/config", "texts/reach", "texts/sounds",
            "texts/calls", "texts/rules", org.reachpbx.directory.validation.ViolationTexts.BUNDLE);

    /**
     * The locale of date and time pickers for a UI language: English pickers write dates
     * day-month-year with a 24-hour clock (en-GB), as a Dutch operator does, not the US way.
     */
    public static Locale pickerLocale(Locale ui) {
        return ui == null || ENGLISH.getLanguage().equals(ui.getLanguage()) ? Locale.UK : ui;
    }

    /**
     * The calendar texts of a date picker in the UI language (issue 17, defect 2): month and day
     * names from the JDK's locale data (januari, maandag, ma), Today and Cancel from the bundles,
     * and the week starting on Monday as in the Netherlands (and the UK).
     */
    public static DatePicker.DatePickerI18n datePickerI18n(Locale ui) {
        Locale language = DUTCH.getLanguage().equals(ui == null ? null : ui.getLanguage()) ? DUTCH : ENGLISH;
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(language);
        UiTexts texts = new UiTexts();
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                // DateFormatSymbols has an empty first entry: Sunday is [1], as the picker's [0]
                .setWeekdays(Arrays.asList(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8).stream()
                        .map(d -> d.endsWith(".") ? d.substring(0, d.length() - 1) : d).toList())
                .setFirstDayOfWeek(1)
                .setToday(texts.getTranslation("picker.today", language))
                .setCancel(texts.getTranslation("picker.cancel", language));
    }

    /** A date picker in the UI language: its date format ({@link #pickerLocale}) and its calendar texts. */
    public static void localize(DatePicker picker, Locale ui) {
        picker.setLocale(pickerLocale(ui));
        picker.setI18n(datePickerI18n(ui));
    }

    /** As {@link #localize(DatePicker, Locale)}, for the date part of a date-time picker. */
    @SuppressWarnings("deprecation") // setDatePickerI18n: the date part's texts alone, which is all we set
    public static void localize(DateTimePicker picker, Locale ui) {
        picker.setLocale(pickerLocale(ui));
        picker.setDatePickerI18n(datePickerI18n(ui));
    }

    /**
     * An upload's own button and drop texts in the UI language (issue 17, defect 2); the other
     * texts keep Vaadin's (the component merges what is set with its defaults).
     */
    public static void localize(com.vaadin.flow.component.upload.Upload upload, Locale ui) {
        Locale language = DUTCH.getLanguage().equals(ui == null ? null : ui.getLanguage()) ? DUTCH : ENGLISH;
        UiTexts texts = new UiTexts();
        com.vaadin.flow.component.upload.UploadI18N i18n = new com.vaadin.flow.component.upload.UploadI18N();
        i18n.setAddFiles(new com.vaadin.flow.component.upload.UploadI18N.AddFiles()
                .setOne(texts.getTranslation("upload.addFile", language))
                .setMany(texts.getTranslation("upload.addFiles", language)));
        i18n.setDropFiles(new com.vaadin.flow.component.upload.UploadI18N.DropFiles()
                .setOne(texts.getTranslation("upload.dropFile", language))
                .setMany(texts.getTranslation("upload.dropFiles", language)));
        upload.setI18n(i18n);
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
