package org.reachpbx.ui.config;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A titled group of fields inside an item form ({@link BeanRows}, {@link BeanFields}) that shows
 * the store's violations below its path in one error line, as a single field would.
 */
abstract class SettingsGroup extends VerticalLayout implements HasValidation {

    /** The error line; subclasses add it where it belongs. */
    protected final Span error = new Span();
    private String errorMessage;

    protected SettingsGroup(String label) {
        setPadding(false);
        setSpacing(false);
        Span title = new Span(label);
        title.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        error.setVisible(false);
        add(title);
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
