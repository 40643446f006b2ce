package org.reachpbx.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import org.reachpbx.ui.access.CurrentUser;

/**
 * A view this user's role may not open, reached by its URL: a page that says so, in the frame with
 * the user's own menu, instead of Vaadin's "Could not navigate" (issue 17, defect 9). Status 403.
 * Anonymous visitors never get here: they are sent to the login page first.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotAllowedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final CurrentUser current;

    public NotAllowedView(CurrentUser current) {
        this.current = current;
        setId("not-allowed");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        String role;
        try {
            role = org.reachpbx.ui.config.Labels.choice(org.reachpbx.directory.access.UiRole.class,
                    current.user().role().name(), this::getTranslation);
        } catch (IllegalStateException notLoggedIn) {
            role = "";
        }
        Paragraph text = new Paragraph(getTranslation("app.notAllowed.text", role, event.getLocation().getPath()));
        text.setId("not-allowed-text");
        add(new H2(getTranslation("app.notAllowed.title")), text);
        return 403;
    }
}
