package org.reachpbx.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reachpbx.ui.i18n.UiTexts;

/**
 * Every field the generated forms show, and every choice of their combo boxes and multi-selects,
 * has a text in English and in Dutch: the form of every {@link Kind} is built as the editors build
 * it, each list of rows gets a row (so the rows' fields exist too), each choice's label is asked
 * for; any text key the form asks for that is missing in either language fails the test. A new
 * YAML property, row property or enum constant without its texts thus fails here.
 */
class FormLabelsTest {

    static List<Kind<?>> allKinds() {
        List<Kind<?>> kinds = new ArrayList<>(Kinds.extensions());
        kinds.addAll(List.of(Kinds.numbers(), Kinds.channels(), Kinds.privacyGroups(), Kinds.schemas()));
        return kinds;
    }

    @Test
    void everyFieldAndChoiceOfEveryFormHasAnEnglishAndADutchLabel() {
        UiTexts texts = new UiTexts();
        Set<String> missing = new TreeSet<>();
        Set<String> asked = new TreeSet<>();
        for (Locale locale : List.of(UiTexts.ENGLISH, UiTexts.DUTCH)) {
            UnaryOperator<String> translate = key -> {
                asked.add(key);
                String text = texts.getTranslation(key, locale);
                if (text.startsWith("!") || text.isBlank()) {
                    missing.add(locale + " " + key);
                }
                return text;
            };
            for (Kind<?> kind : allKinds()) {
                shownLabels(kind, translate);
            }
        }
        assertThat(asked).as("the forms ask for field and choice texts")
                .contains("config.field.strategy", "config.field.devices", "config.field.type",
                        "config.choice.QueueStrategy.RING_ALL", "config.choice.DeviceType.MOBILE",
                        "config.choice.DayOfWeek.MONDAY");
        assertThat(missing).as("texts missing in texts/config_{en,nl}.properties").isEmpty();
    }

    @Test
    void noFieldOrChoiceShowsItsYamlName() {
        UiTexts texts = new UiTexts();
        List<String> raw = new ArrayList<>();
        for (Locale locale : List.of(UiTexts.ENGLISH, UiTexts.DUTCH)) {
            for (Kind<?> kind : allKinds()) {
                for (String label : shownLabels(kind, key -> texts.getTranslation(key, locale))) {
                    if (label.isBlank() || label.matches("[a-z]+[A-Z][A-Za-z]*|[A-Z0-9]+_[A-Z0-9_]+")) {
                        raw.add(locale + " " + kind.id() + ": " + label);
                    }
                }
            }
        }
        assertThat(raw).as("labels that look like YAML properties or enum constants").isEmpty();
    }

    /** The labels a kind's form shows: its fields (rows included) and every choice. */
    private static List<String> shownLabels(Kind<?> kind, UnaryOperator<String> translate) {
        ItemForm<?> form = newForm(kind, translate);
        // a list of rows starts empty: add one, so that the rows' fields are built as well; a row
        // with rows inside (a plan and its entries) brings new lists: add a row to those too
        java.util.Set<Component> opened = new java.util.HashSet<>();
        for (int depth = 0; depth < 3; depth++) {
            walk(form).filter(c -> c instanceof BeanRows && opened.add(c)).toList().forEach(rows -> walk(rows)
                    .filter(c -> c instanceof Button && c.getId().filter(id -> id.endsWith("-add")).isPresent())
                    .findFirst().map(Button.class::cast).orElseThrow().click());
        }
        List<String> labels = new ArrayList<>();
        walk(form).filter(c -> c.getParent().filter(
                com.vaadin.flow.component.datetimepicker.DateTimePicker.class::isInstance).isEmpty()) // its halves: labelled by it
                .forEach(c -> {
            if (c instanceof HasLabel field && !(c instanceof Button)) {
                labels.add(field.getLabel() == null ? "" : field.getLabel());
            }
            if (c instanceof ComboBox<?> combo) {
                choices(combo, labels);
            }
            if (c instanceof MultiSelectComboBox<?> choices) {
                choices(choices, labels);
            }
        });
        return labels;
    }

    /** A new item's form, as the editors open it for "New". */
    private static <T> ItemForm<T> newForm(Kind<T> kind, UnaryOperator<String> translate) {
        return new ItemForm<>(kind.type(), kind.factory().get(), true, translate);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void choices(ComboBox combo, List<String> labels) {
        combo.getListDataView().getItems().forEach(i -> labels.add(combo.getItemLabelGenerator().apply(i).toString()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void choices(MultiSelectComboBox combo, List<String> labels) {
        combo.getListDataView().getItems().forEach(i -> labels.add(combo.getItemLabelGenerator().apply(i).toString()));
    }

    private static Stream<Component> walk(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(FormLabelsTest::walk));
    }
}
