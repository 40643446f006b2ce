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
    private final Pickers pickers;
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
        return !props.isEmpty() && props.stream().map(BeanPropertyDefinition::getPrimaryType).allMatch(BeanRows::flat);
    }

    /**
     * Whether {@code element} fits rows one level deep: flat, or flat apart from lists of flat
     * settings, which get rows of their own inside the row (a schema's plans, each with its entries).
     */
    static boolean fitsNested(JavaType element) {
        if (element.isContainerType() || element.isEnumType() || ItemForm.isPlain(element.getRawClass())) {
            return false;
        }
        List<BeanPropertyDefinition> props = properties(element);
        return !props.isEmpty() && props.stream().map(BeanPropertyDefinition::getPrimaryType)
                .allMatch(t -> flat(t) || nested(t));
    }

    private static boolean flat(JavaType t) {
        return ItemForm.isPlain(t.getRawClass()) || t.isEnumType() || t.getRawClass() == Boolean.class || isChoices(t)
                || t.getRawClass() == java.time.LocalDateTime.class;
    }

    private static boolean nested(JavaType t) {
        return t.isCollectionLikeType() && fits(t.getContentType());
    }

    BeanRows(String id, String label, JavaType element, JsonNode value, UnaryOperator<String> translate, Pickers pickers) {
        super(label);
        this.id = id;
        this.properties = properties(element);
        this.translate = translate;
        this.pickers = pickers;
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
        // a row with rows inside (a plan and its entries) is a block: its fields, then its rows, indented
        VerticalLayout block = new VerticalLayout(line);
        block.setPadding(false);
        block.setSpacing(false);
        for (BeanPropertyDefinition p : properties) {
            JsonNode v = item == null ? null : item.get(p.getName());
            if (nested(p.getPrimaryType())) {
                BeanRows inner = new BeanRows(id + "-" + row + "-" + p.getName(), Labels.field(p.getName(), translate),
                        p.getPrimaryType().getContentType(), v, translate, pickers);
                inner.setReadOnly(readOnly);
                inner.getStyle().set("margin-left", "var(--lumo-space-l)");
                fields.put(p.getName(), inner);
                block.add(inner);
                continue;
            }
            Component field = field(p, v, translate, readOnly, pickers);
            field.setId(id + "-" + row + "-" + p.getName());
            if (field instanceof com.vaadin.flow.component.HasSize sized && !(field instanceof Checkbox)) {
                sized.setWidth(field instanceof MultiSelectComboBox
                        || field instanceof com.vaadin.flow.component.datetimepicker.DateTimePicker ? "16em" : "10em");
            }
            fields.put(p.getName(), field);
            line.add(field);
        }
        Button remove = new Button(translate.apply("config.rows.remove"), e -> {
            rows.remove(block);
            rowFields.remove(fields);
        });
        remove.setId(id + "-" + row + "-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setEnabled(!readOnly);
        line.add(remove);
        rowFields.add(fields);
        rows.add(block);
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
    static Component field(BeanPropertyDefinition p, JsonNode v, UnaryOperator<String> translate, boolean readOnly,
                           Pickers pickers) {
        Class<?> raw = p.getPrimaryType().getRawClass();
        String label = Labels.field(p.getName(), translate);
        if (ItemForm.isPlain(raw) && pickers.picks(p.getName())) {
            ComboBox<String> picker = pickers.picker(p.getName(), label, v == null || v.isNull() ? null : v.asText());
            picker.setReadOnly(readOnly);
            return picker;
        }
        if (isChoices(p.getPrimaryType())) {
            Class<?> choiceType = p.getPrimaryType().getContentType().getRawClass();
            MultiSelectComboBox<String> choices = new MultiSelectComboBox<>(label);
            // every chosen day (or right) shown as its own chip, on more lines when needed, never "4 / Friday"
            choices.setAutoExpand(MultiSelectComboBox.AutoExpandMode.VERTICAL);
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
        if (raw == java.time.LocalDateTime.class) {
            // a moment (a holiday's start and end): picked in the UI language, stored as ISO text
            com.vaadin.flow.component.datetimepicker.DateTimePicker when =
                    new com.vaadin.flow.component.datetimepicker.DateTimePicker(label);
            com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
            org.reachpbx.ui.i18n.UiTexts.localize(when, ui == null ? null : ui.getLocale());
            if (v != null && !v.isNull() && !v.asText().isBlank()) {
                when.setValue(java.time.LocalDateTime.parse(v.asText()));
            }
            when.setReadOnly(readOnly);
            return when;
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
            if (c instanceof BeanRows inner) {
                into.set(p.getName(), inner.value(path + "." + p.getName(), problems));
            } else if (c instanceof Checkbox box) {
                into.put(p.getName(), box.getValue());
            } else if (c instanceof com.vaadin.flow.component.datetimepicker.DateTimePicker when) {
                if (when.getValue() != null) {
                    into.put(p.getName(), when.getValue().toString());
                }
            } else if (c instanceof MultiSelectComboBox<?> choices) {
                ArrayNode array = into.putArray(p.getName());
                names(p.getPrimaryType().getContentType().getRawClass()).stream()      // in their own order
                        .filter(n -> choices.getValue().contains(n)).forEach(array::add);
            } else if (c instanceof ComboBox<?> combo && combo.getValue() != null && !ItemForm.isPlain(raw)) {
                into.put(p.getName(), combo.getValue().toString());
            } else if (text(c) != null && !text(c).isBlank()) {
                String v = text(c).trim();
                if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
                    try {
                        into.put(p.getName(), Long.parseLong(v));
                    } catch (NumberFormatException e) {
                        problems.add(Violation.of(path + "." + p.getName(), "wholeNumber"));
                    }
                } else {
                    into.put(p.getName(), v);
                }
            }
        }
    }

    /** The typed or picked text of a text field or picker; null for other fields. */
    static String text(Component c) {
        if (c instanceof TextField text) {
            return text.getValue();
        }
        if (c instanceof ComboBox<?> picker && picker.getElement().hasAttribute("data-picker")) {
            return picker.getValue() == null ? "" : picker.getValue().toString();
        }
        return null;
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
            if (c instanceof BeanRows inner) {
                inner.setReadOnly(readOnly);
            } else if (c instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
                hv.setReadOnly(readOnly);
            }
        }));
        rows.getChildren().flatMap(Component::getChildren).forEach(line -> line.getChildren()
                .filter(Button.class::isInstance).forEach(b -> ((Button) b).setEnabled(!readOnly)));
    }
}
