package org.reachpbx.ui.config;

import java.util.function.UnaryOperator;

/**
 * The texts of the generated forms ({@link ItemForm}, {@link BeanRows}, {@link BeanFields}): a
 * field's label is {@code config.field.<yaml property>}, a choice's label (a value of a combo box
 * or multi-select) is {@code config.choice.<enum simple name>.<constant>}. The stored value stays
 * the constant's name; only what is shown changes. Should a text be missing, the field shows its
 * YAML property and the choice its constant, never {@code !key!}; {@code FormLabelsTest} sees to it
 * that none is missing in English or Dutch.
 */
public final class Labels {

    private Labels() {
    }

    public static String fieldKey(String property) {
        return "config.field." + property;
    }

    public static String choiceKey(Class<?> enumType, String constant) {
        return "config.choice." + enumType.getSimpleName() + "." + constant;
    }

    /** The label of a property's field, or the property itself when it has no text. */
    public static String field(String property, UnaryOperator<String> translate) {
        String label = translate.apply(fieldKey(property));
        return label == null || label.startsWith("!") ? property : label;
    }

    /** The label of one choice of an enum, or the constant's name when it has no text. */
    public static String choice(Class<?> enumType, String constant, UnaryOperator<String> translate) {
        if (constant == null) {
            return "";
        }
        String label = translate.apply(choiceKey(enumType, constant));
        return label == null || label.startsWith("!") ? constant : label;
    }
}
