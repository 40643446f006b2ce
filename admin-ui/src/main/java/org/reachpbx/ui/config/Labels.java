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

    /** The label of an extension type ({@code LBR} → "Location-based routing"), the form's kind name. */
    public static String extensionType(org.reachpbx.rules.vocabulary.ExtensionType type, UnaryOperator<String> translate) {
        if (type == null) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (String part : type.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            key.append(key.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        String label = translate.apply("config.kind." + key);
        return label == null || label.startsWith("!") ? type.name() : label;
    }
}
