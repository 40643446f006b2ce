package org.reachpbx.ui.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.reachpbx.directory.validation.Violation;

/**
 * A list of flat settings (a user's devices, IVR options, TBR periods, LBR entries, sound files)
 * as rows of fields, one column per property of the YAML format: text and numbers as text fields,
 * a choice as a combo box, yes/no as a checkbox. Rows are added and removed; their order is kept.
 * Field ids are {@code <id>-<row>-<property>}, the buttons {@code <id>-add} and
 * {@code <id>-<row>-remove}.
 */
final class BeanRows extends SettingsGroup {

    private final String id;
    private final List<BeanPropertyDefinition> properties;
    private final UnaryOperator<String> translate;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Map<String, Component>> rowFields = new ArrayList<>();
    private final Button add;
    private boolean readOnly;
    /** Ids stay unique when rows are removed and added: a row's number is never reused. */
    private int nextRow;

    /** Whether {@code element} is flat enough for rows: every property plain, a choice or yes/no. */
    static boolean fits(JavaType element) {
        if (element.isContainerType() || element.isEnumType() || ItemForm.isPlain(element.getRawClass())) {
            return false;
        }
        List<BeanPropertyDefinition> props = properties(element);
        return !props.isEmpty() && props.stream().map(BeanPropertyDefinition::getPrimaryType)
                .allMatch(t -> ItemForm.isPlain(t.getRawClass()) || t.isEnumType() || t.getRawClass() == Boolean.class
                        || isChoices(t));
    }

    BeanRows(String id, String label, JavaType element, JsonNode value, UnaryOperator<String> translate) {
        super(label);
        this.id = id;
        this.properties = properties(element);
        this.translate = translate;
        rows.setPadding(false);
        rows.setSpacing(false);
        add = new Button(translate.apply("config.rows.add"), e -> addRow(null));
        add.setId(id + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(rows, error, add);
        if (value != null && value.isArray()) {
            value.forEach(this::addRow);
        }
    }

    private void addRow(JsonNode item) {
        int row = nextRow++;
        Map<String, Component> fields = new LinkedHashMap<>();
        HorizontalLayout line = new HorizontalLayout();
        line.setAlignItems(Alignment.BASELINE);
        line.getStyle().set("flex-wrap", "wrap");       // a wide row wraps inside the dialog, nothing is cut off
        for (BeanPropertyDefinition p : properties) {
            Component field = field(p, item == null ? null : item.get(p.getName()), translate, readOnly);
            field.setId(id + "-" + row + "-" + p.getName());
            if (field instanceof com.vaadin.flow.component.HasSize sized && !(field instanceof Checkbox)) {
                sized.setWidth(field instanceof MultiSelectComboBox ? "16em" : "10em");
            }
            fields.put(p.getName(), field);
            line.add(field);
        }
        Button remove = new Button(translate.apply("config.rows.remove"), e -> {
            rows.remove(line);
            rowFields.remove(fields);
        });
        remove.setId(id + "-" + row + "-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setEnabled(!readOnly);
        line.add(remove);
        rowFields.add(fields);
        rows.add(line);
    }

    /** The properties of a flat settings type, in the order of its YAML format. */
    static List<BeanPropertyDefinition> properties(JavaType type) {
        BeanDescription bean = ItemForm.YAML.getDeserializationConfig().introspect(type);
        return bean.findProperties().stream().filter(BeanPropertyDefinition::couldDeserialize).toList();
    }

    /** A set of choices, such as the days of a schedule entry. */
    private static boolean isChoices(JavaType t) {
        return t.isCollectionLikeType() && t.getContentType().isEnumType();
    }

    private static List<String> names(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /**
     * The field of one property: yes/no a checkbox, a choice a combo box, a set of choices a
     * multi-select, the rest a text field. Labels and the choices' labels come from {@link Labels}.
     */
    static Component field(BeanPropertyDefinition p, JsonNode v, UnaryOperator<String> translate, boolean readOnly) {
        Class<?> raw = p.getPrimaryType().getRawClass();
        String label = Labels.field(p.getName(), translate);
        if (isChoices(p.getPrimaryType())) {
            Class<?> choiceType = p.getPrimaryType().getContentType().getRawClass();
            MultiSelectComboBox<String> choices = new MultiSelectComboBox<>(label);
            choices.setItems(names(choiceType));
            choices.setItemLabelGenerator(c -> Labels.choice(choiceType, c, translate));
            java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
            if (v != null && v.isArray()) {
                v.forEach(x -> chosen.add(x.asText()));
            }
            choices.setValue(chosen);
            choices.setReadOnly(readOnly);
            return choices;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            Checkbox box = new Checkbox(label, v != null && v.asBoolean());
            box.setReadOnly(readOnly);
            return box;
        }
        if (raw.isEnum()) {
            ComboBox<String> combo = new ComboBox<>(label);
            combo.setItems(names(raw));
            combo.setItemLabelGenerator(c -> Labels.choice(raw, c, translate));
            combo.setClearButtonVisible(true);
            if (v != null && !v.isNull()) {
                combo.setValue(v.asText());
            }
            combo.setReadOnly(readOnly);
            return combo;
        }
        TextField text = new TextField(label);
        text.setValue(v == null || v.isNull() ? "" : v.asText());
        text.setReadOnly(readOnly);
        return text;
    }

    /** Reads the fields into {@code into}; a number that cannot be read is added to {@code problems}. */
    static void read(List<BeanPropertyDefinition> properties, Map<String, Component> fields, ObjectNode into,
            String path, List<Violation> problems) {
        for (BeanPropertyDefinition p : properties) {
            Component c = fields.get(p.getName());
            Class<?> raw = p.getPrimaryType().getRawClass();
            if (c instanceof Checkbox box) {
                into.put(p.getName(), box.getValue());
            } else if (c instanceof MultiSelectComboBox<?> choices) {
                ArrayNode array = into.putArray(p.getName());
                names(p.getPrimaryType().getContentType().getRawClass()).stream()      // in their own order
                        .filter(n -> choices.getValue().contains(n)).forEach(array::add);
            } else if (c instanceof ComboBox<?> combo) {
                if (combo.getValue() != null) {
                    into.put(p.getName(), combo.getValue().toString());
                }
            } else if (c instanceof TextField text && !text.getValue().isBlank()) {
                String v = text.getValue().trim();
                if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
                    try {
                        into.put(p.getName(), Long.parseLong(v));
                    } catch (NumberFormatException e) {
                        problems.add(new Violation(path + "." + p.getName(), "must be a whole number"));
                    }
                } else {
                    into.put(p.getName(), v);
                }
            }
        }
    }

    /** The rows as a YAML list; a number that cannot be read is added to {@code problems}. */
    ArrayNode value(String name, List<Violation> problems) {
        ArrayNode array = ItemForm.YAML.createArrayNode();
        for (int i = 0; i < rowFields.size(); i++) {
            read(properties, rowFields.get(i), array.addObject(), name + "[" + i + "]", problems);
        }
        return array;
    }

    int size() {
        return rowFields.size();
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        add.setEnabled(!readOnly);
        rowFields.forEach(f -> f.values().forEach(c -> {
            if (c instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
                hv.setReadOnly(readOnly);
            }
        }));
        rows.getChildren().forEach(line -> line.getChildren().filter(Button.class::isInstance)
                .forEach(b -> ((Button) b).setEnabled(!readOnly)));
    }
}
