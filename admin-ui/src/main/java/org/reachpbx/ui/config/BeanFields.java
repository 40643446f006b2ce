package org.reachpbx.ui.config;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.reachpbx.directory.validation.Violation;

/**
 * One group of flat settings inside an item (a group's internal forwards, a user's rights, the
 * voicemail notifications) as a titled line of fields, one per property of its YAML format. Field
 * ids are {@code <id>-<property>}.
 */
final class BeanFields extends VerticalLayout implements HasValidation {

    private final List<BeanPropertyDefinition> properties;
    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final Span error = new Span();
    private String errorMessage;

    BeanFields(String id, String label, JavaType type, JsonNode value, boolean readOnly,
            UnaryOperator<String> translate) {
        this.properties = BeanRows.properties(type);
        setPadding(false);
        setSpacing(false);
        Span title = new Span(label);
        title.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout line = new HorizontalLayout();
        line.setAlignItems(Alignment.BASELINE);
        line.getStyle().set("flex-wrap", "wrap");
        for (BeanPropertyDefinition p : properties) {
            Component field = BeanRows.field(p, value == null ? null : value.get(p.getName()),
                    BeanRows.label(p.getName(), translate), readOnly);
            field.setId(id + "-" + p.getName());
            fields.put(p.getName(), field);
            line.add(field);
        }
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        error.setVisible(false);
        add(title, line, error);
    }

    /** The settings as a YAML object; a number that cannot be read is added to {@code problems}. */
    ObjectNode value(String name, List<Violation> problems) {
        ObjectNode node = ItemForm.YAML.createObjectNode();
        BeanRows.read(properties, fields, node, name, problems);
        return node;
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
        error.setText(errorMessage == null ? "" : errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return errorMessage;
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible() && errorMessage != null;
    }
}
