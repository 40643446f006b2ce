package org.reachpbx.ui.config;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
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
final class BeanFields extends SettingsGroup {

    private final List<BeanPropertyDefinition> properties;
    private final Map<String, Component> fields = new LinkedHashMap<>();

    BeanFields(String id, String label, JavaType type, JsonNode value, boolean readOnly,
            UnaryOperator<String> translate, Pickers pickers) {
        super(label);
        this.properties = BeanRows.properties(type);
        HorizontalLayout line = new HorizontalLayout();
        line.setAlignItems(Alignment.BASELINE);
        line.getStyle().set("flex-wrap", "wrap");
        for (BeanPropertyDefinition p : properties) {
            Component field = BeanRows.field(p, value == null ? null : value.get(p.getName()), translate, readOnly, pickers);
            field.setId(id + "-" + p.getName());
            fields.put(p.getName(), field);
            line.add(field);
        }
        add(line, error);
    }

    /** The settings as a YAML object; a number that cannot be read is added to {@code problems}. */
    ObjectNode value(String name, List<Violation> problems) {
        ObjectNode node = ItemForm.YAML.createObjectNode();
        BeanRows.read(properties, fields, node, name, problems);
        return node;
    }
}
