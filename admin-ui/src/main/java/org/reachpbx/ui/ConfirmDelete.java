package org.reachpbx.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The question before anything is deleted: a dialog naming what goes, with Cancel (keeps it) and
 * Delete. A plain {@link Dialog} (its web component is in the pre-built frontend bundle). Ids:
 * {@code confirm-delete}, {@code confirm-delete-text}, {@code confirm-delete-ok}, {@code confirm-delete-cancel}.
 */
public final class ConfirmDelete {

    private ConfirmDelete() {
    }

    /** Opens the dialog; {@code onConfirm} runs only after Delete is clicked. */
    public static Dialog open(String title, String text, String deleteLabel, String cancelLabel, Runnable onConfirm) {
        Dialog dialog = new Dialog();
        dialog.setId("confirm-delete");
        dialog.setHeaderTitle(title);
        Paragraph p = new Paragraph(text);
        p.setId("confirm-delete-text");
        dialog.add(p);
        Button cancel = new Button(cancelLabel, e -> dialog.close());
        cancel.setId("confirm-delete-cancel");
        Button ok = new Button(deleteLabel, e -> {
            dialog.close();
            onConfirm.run();
        });
        ok.setId("confirm-delete-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(cancel, ok);
        dialog.open();
        return dialog;
    }
}
