package org.reachpbx.ui.access;

import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.directory.access.UiRole;

/** The user of this browser tab: who it is, what it may do, and recording its changes. */
@SpringComponent
@UIScope
public class CurrentUser {

    private final AuthenticationContext context;
    private final AuditTrail audit;

    public CurrentUser(AuthenticationContext context, AuditTrail audit) {
        this.context = context;
        this.audit = audit;
    }

    public PbxUser user() {
        return context.getAuthenticatedUser(PbxUser.class)
                .orElseThrow(() -> new IllegalStateException("not logged in"));
    }

    public boolean is(UiRole role) {
        return context.getAuthenticatedUser(PbxUser.class).map(u -> u.role() == role).orElse(false);
    }

    /** Records a change this user made through the UI in the audit trail. */
    public void audit(Long tenantId, String action, String detail) {
        audit.record(user().getUsername(), tenantId, action, detail);
    }

    /** As {@link #audit(Long, String, String)}, for work finished off the request thread (no security context there). */
    public void audit(PbxUser who, Long tenantId, String action, String detail) {
        audit.record(who.getUsername(), tenantId, action, detail);
    }

    public void logout() {
        context.logout();
    }
}
