package org.reachpbx.ui.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.ui.i18n.UiTexts;

/**
 * A form for one configuration item of any type (an extension of each of the 13 types, a public
 * number, a channel, a privacy group, a number plan schema): one field per property of the tenant
 * YAML format, so a form always holds all fields of its type. Text, numbers, times: a text field;
 * a date: a date picker; yes/no: a checkbox; a choice: a combo box of the allowed values; a set of
 * choices: a multi-select; a list of numbers or names: one comma-separated line, in order; a list
 * of flat settings (devices, menu options, periods): rows of fields ({@link BeanRows}); one group
 * of flat settings (forwards, rights): a line of fields ({@link BeanFields}); a list of settings
 * with a list of flat settings inside (a schema's plans with their entries): rows with rows inside;
 * a user's REACH configuration: a link to the REACH view, which edits it (carried over unchanged
 * here); anything deeper: a text area holding that part of the YAML document. Extensions, channels
 * and plans are picked ({@link Pickers}); a channel's new password can be generated. Field ids
 * are {@code f-<property>}; labels come from {@code config.field.<property>}, the choices of combo
 * boxes and multi-selects show {@code config.choice.<enum>.<constant>} while the constant is stored
 * ({@link Labels}).
 */
public class ItemForm<T> extends VerticalLayout {

    static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    /** Stored hashes (PIN, SIP HA1): never shown, only carried over unchanged on save. */
    static final java.util.Set<String> HASHES = java.util.Set.of("pinHash", "passwordHash");
    /** New secrets an admin may type (write-only in the format): password fields, never echoed. */
    static final java.util.Set<String> SECRETS = java.util.Set.of("pin", "password");
    /** A user's REACH configuration: edited in the REACH view only. */
    static final String REACH = "reach";

    private final Class<T> type;
    private final Map<String, Component> fields = new LinkedHashMap<>();
    /** The hashes of the item as loaded, kept on the server only (not in any component). */
    private final Map<String, JsonNode> hashes = new LinkedHashMap<>();
    private final Map<String, Class<?>> types = new LinkedHashMap<>();
    private final Div errors = new Div();
    private final Pickers pickers;

    public ItemForm(Class<T> type, T item, boolean editable, UnaryOperator<String> translate) {
        this(type, item, editable, translate, Pickers.NONE);
    }

    public ItemForm(Class<T> type, T item, boolean editable, UnaryOperator<String> translate, Pickers pickers) {
        this.type = type;
        this.pickers = pickers;
        errors.setId("form-errors");
        errors.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        JsonNode values = YAML.valueToTree(item);
        BeanDescription bean = YAML.getDeserializationConfig().introspect(YAML.constructType(type));
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (!p.couldDeserialize()) {
                continue;
            }
            String name = p.getName();
            JavaType javaType = p.getPrimaryType();
            Class<?> raw = javaType.getRawClass();
            String label = Labels.field(name, translate);
            JsonNode value = values.get(name);
            if (HASHES.contains(name)) {
                if (value != null && !value.isNull()) {
                    hashes.put(name, value);
                }
                continue;
            }
            if (REACH.equals(name) && raw == org.reachpbx.directory.model.ReachConfig.class) {
                // REACH has a view of its own with real editors: one place edits it, this form keeps it
                if (value != null && !value.isNull()) {
                    hashes.put(name, value);
                }
                Component link = reachLink(label, values.get("number"), translate);
                layout.add(link);
                layout.setColspan(link, 2);
                continue;
            }
            Component field = SECRETS.contains(name) && raw == String.class ? new PasswordField(label)
                    : field("f-" + name, javaType, label, value, editable, translate, pickers);
            field.setId("f-" + name);
            if (field instanceof BeanRows rows) {
                rows.setReadOnly(!editable);
            }
            if (field instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
                hv.setReadOnly(!editable);
            }
            fields.put(name, field);
            types.put(name, raw);
            if (field instanceof PasswordField secret && editable && "password".equals(name)) {
                Component withGenerator = PasswordGenerator.beside(secret, "f-" + name, translate);
                layout.add(withGenerator);
                continue;
            }
            layout.add(field);
            if (field instanceof TextArea || field instanceof BeanRows || field instanceof BeanFields) {
                layout.setColspan(field, 2);
            }
        }
        add(errors, layout);
        setPadding(false);
    }

    private static Component field(String id, JavaType javaType, String label, JsonNode value, boolean editable,
            UnaryOperator<String> translate, Pickers pickers) {
        Class<?> raw = javaType.getRawClass();
        if (javaType.isCollectionLikeType() && BeanRows.fitsNested(javaType.getContentType())) {
            // settings in a list (devices, menu options, periods; plans with their entries): rows of fields
            return new BeanRows(id, label, javaType.getContentType(), value, translate, pickers);
        }
        if (!javaType.isContainerType() && BeanRows.fits(javaType)) {
            // one group of flat settings (forwards, rights, notifications): a line of fields
            return new BeanFields(id, label, javaType, value, !editable, translate, pickers);
        }
        String key = id.substring("f-".length());
        if (isPlain(raw) && pickers.picks(key)) {
            // an extension, channel or plan of the tenant: picked (a typed value is kept)
            ComboBox<String> picker = pickers.picker(key, label, value == null || value.isNull() ? null : value.asText());
            picker.setManualValidation(true);
            return picker;
        }
        if (javaType.isCollectionLikeType() && javaType.getContentType().isEnumType()) {
            // a set of choices (barring categories, rights): pick them
            Class<?> choiceType = javaType.getContentType().getRawClass();
            MultiSelectComboBox<String> choices = new MultiSelectComboBox<>(label);
            choices.setAutoExpand(MultiSelectComboBox.AutoExpandMode.VERTICAL); // all chips shown, on more lines
            choices.setItems(Arrays.stream(choiceType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            choices.setItemLabelGenerator(c -> Labels.choice(choiceType, c, translate));
            choices.setValue(texts(value));
            return choices;
        }
        if (javaType.isCollectionLikeType() && isPlain(javaType.getContentType().getRawClass())) {
            // numbers or names in order (group members, prefixes): one line, comma-separated
            TextField list = new TextField(label);
            list.setManualValidation(true);
            list.setHelperText(translate.apply("config.field.commaSeparated"));
            list.setValue(String.join(", ", texts(value)));
            list.getElement().setAttribute("data-list", "true");
            return list;
        }
        if (raw == LocalDate.class) {
            DatePicker date = new DatePicker(label);
            date.setManualValidation(true);
            UI ui = UI.getCurrent();
            UiTexts.localize(date, ui == null ? null : ui.getLocale());
            if (value != null && !value.isNull()) {
                date.setValue(LocalDate.parse(value.asText()));
            }
            return date;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            Checkbox box = new Checkbox(label);
            box.setValue(value != null && value.asBoolean());
            return box;
        }
        if (raw.isEnum()) {
            ComboBox<String> combo = new ComboBox<>(label);
            combo.setManualValidation(true);
            combo.setItems(Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            combo.setItemLabelGenerator(c -> Labels.choice(raw, c, translate));
            combo.setClearButtonVisible(true);
            if (value != null && !value.isNull()) {
                combo.setValue(value.asText());
            }
            return combo;
        }
        if (isPlain(raw) || Temporal.class.isAssignableFrom(raw)) {
            TextField text = new TextField(label);
            text.setManualValidation(true);
            text.setValue(value == null || value.isNull() ? "" : value.asText());
            return text;
        }
        TextArea area = new TextArea(label);
        area.setManualValidation(true);
        area.setValue(value == null || value.isNull() || value.isEmpty() ? "" : yaml(value));
        area.setWidthFull();
        area.getStyle().set("font-family", "monospace");
        return area;
    }

    /** A typed value: a whole number where the format wants one, else the text. */
    private static void putText(ObjectNode node, String name, Class<?> raw, String v, List<Violation> problems) {
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            try {
                node.put(name, Long.parseLong(v));
            } catch (NumberFormatException ex) {
                problems.add(Violation.of(name, "wholeNumber"));
            }
        } else {
            node.put(name, v);
        }
    }

    /** Where the user's REACH configuration is edited: the REACH view, with this user chosen. */
    private Component reachLink(String label, JsonNode number, UnaryOperator<String> translate) {
        String user = number == null || number.isNull() ? "" : number.asText();
        com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(
                "reach" + (user.isEmpty() || pickers.tenantId() == null ? ""
                        : "?tenant=" + pickers.tenantId() + "&user=" + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8)),
                translate.apply(user.isEmpty() ? "config.reach.later" : "config.reach.edit"));
        link.setId("f-reach-link");
        link.setEnabled(!user.isEmpty());
        com.vaadin.flow.component.html.Span title = new com.vaadin.flow.component.html.Span(label + ": ");
        return new Div(title, link);
    }

    static boolean isPlain(Class<?> raw) {
        return raw == String.class || Number.class.isAssignableFrom(raw) || raw.isPrimitive();
    }

    /** The elements of a YAML list as text, in order. */
    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(v -> texts.add(v.asText()));
        }
        return texts;
    }

    private static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node).stripTrailing();
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    public Map<String, Component> fields() {
        return fields;
    }

    /**
     * The item as the form holds it.
     *
     * @throws InvalidForm when a field cannot be read (not a number, not valid YAML, unknown key);
     *         the field shows why
     */
    public T value() {
        clearErrors();
        ObjectNode node = YAML.createObjectNode();
        hashes.forEach(node::set);
        List<Violation> problems = new ArrayList<>();
        for (Map.Entry<String, Component> e : fields.entrySet()) {
            String name = e.getKey();
            Class<?> raw = types.get(name);
            Component c = e.getValue();
            if (c instanceof BeanRows rows) {
                node.set(name, rows.value(name, problems));
            } else if (c instanceof BeanFields group) {
                node.set(name, group.value(name, problems));
            } else if (c instanceof Checkbox box) {
                node.put(name, box.getValue());
            } else if (c instanceof MultiSelectComboBox<?> choices) {
                ArrayNode array = node.putArray(name);
                choices.getListDataView().getItems().filter(choices.getValue()::contains)   // in enum order
                        .forEach(v -> array.add(v.toString()));
            } else if (c instanceof DatePicker date) {
                if (date.getValue() != null) {
                    node.put(name, date.getValue().toString());
                }
            } else if (c instanceof TextField list && list.getElement().hasAttribute("data-list")) {
                ArrayNode array = node.putArray(name);
                Arrays.stream(list.getValue().split(",")).map(String::trim).filter(v -> !v.isEmpty())
                        .forEach(array::add);
            } else if (c instanceof ComboBox<?> combo && !isPlain(raw)) {
                if (combo.getValue() != null) {
                    node.put(name, combo.getValue().toString());
                }
            } else if (c instanceof ComboBox<?> picker) {
                String v = picker.getValue() == null ? "" : picker.getValue().toString().trim();
                if (!v.isEmpty()) {
                    putText(node, name, raw, v, problems);
                }
            } else if (c instanceof TextArea area) {
                if (!area.getValue().isBlank()) {
                    try {
                        node.set(name, YAML.readTree(area.getValue()));
                    } catch (JsonProcessingException ex) {
                        problems.add(new Violation(name, "not valid YAML: " + ex.getOriginalMessage()));
                    }
                }
            } else if (c instanceof PasswordField secret) {
                if (!secret.getValue().isEmpty()) {
                    node.put(name, secret.getValue());
                }
            } else if (c instanceof TextField text) {
                String v = text.getValue().trim();
                if (!v.isEmpty()) {
                    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
                        try {
                            node.put(name, Long.parseLong(v));
                        } catch (NumberFormatException ex) {
                            problems.add(Violation.of(name, "wholeNumber"));
                        }
                    } else {
                        node.put(name, v);
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            try {
                return YAML.treeToValue(node, type);
            } catch (JsonMappingException ex) {
                String path = ex.getPath().isEmpty() ? "" : String.valueOf(ex.getPath().get(0).getFieldName());
                problems.add(new Violation(path, ex.getOriginalMessage()));
            } catch (JsonProcessingException ex) {
                problems.add(new Violation("", ex.getOriginalMessage()));
            }
        }
        showViolations(problems, "");
        throw new InvalidForm(problems);
    }

    /** Shows violations at their fields (those below {@code prefix}); the rest above the form. */
    public void showViolations(List<Violation> violations, String prefix) {
        clearErrors();
        ViolationPaths.Mapped mapped = ViolationPaths.map(org.reachpbx.ui.i18n.ViolationMessages.in(violations, getLocale()),
                prefix, fields.keySet());
        List<Violation> top = new ArrayList<>(mapped.unmatched());
        mapped.byField().forEach((name, messages) -> {
            Component c = fields.get(name);
            if (c instanceof HasValidation v) {
                v.setErrorMessage(String.join("; ", messages));
                v.setInvalid(true);
            } else {
                messages.forEach(m -> top.add(new Violation(prefix.isEmpty() ? name : prefix + "." + name, m)));
            }
        });
        errors.setText(String.join("\n", top.stream().map(Violation::toString).toList()));
    }

    private void clearErrors() {
        errors.setText("");
        fields.values().forEach(c -> {
            if (c instanceof HasValidation v) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        });
    }

    /** A form whose fields cannot be read into the item; the fields show why. */
    public static final class InvalidForm extends RuntimeException {
        private final transient List<Violation> violations;

        InvalidForm(List<Violation> violations) {
            super(violations.toString());
            this.violations = violations;
        }

        public List<Violation> violations() {
            return violations;
        }
    }
}
