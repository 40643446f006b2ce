package org.reachpbx.ui.config;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;

/**
 * A new SIP password for a channel at one click (issue 17, defect 4): 20 characters from letters
 * and digits without the look-alikes (0/O, 1/l/I), about 113 bits, well inside the 8–128 the
 * format allows, and easy to type into a phone's web page. It is put into the password field and
 * shown once (the field's eye is opened) so it can be copied to the device; like a typed one it
 * is stored only as its hashes.
 */
final class PasswordGenerator {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordGenerator() {
    }

    static String generate() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The password field with a "Generate" button beside it (id {@code <id>-generate}). */
    static Component beside(PasswordField field, String id, UnaryOperator<String> translate) {
        Button generate = new Button(translate.apply("config.password.generate"), e -> {
            field.setValue(generate());
            field.getElement().setProperty("passwordVisible", true);
        });
        generate.setId(id + "-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout line = new HorizontalLayout(field, generate);
        line.setAlignItems(Alignment.BASELINE);
        line.getStyle().set("flex-wrap", "wrap");
        line.setPadding(false);
        return line;
    }
}
