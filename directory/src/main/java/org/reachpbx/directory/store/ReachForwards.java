package org.reachpbx.directory.store;

import org.reachpbx.directory.access.PhoneAudit;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.rules.services.ServiceDecision.ForwardSetting;
import org.springframework.stereotype.Service;

/**
 * Stores a forward set by phone with 910 (SYSNUM-02): the service rules decide which forward of the
 * user's default REACH profile and whether the destination is valid; this class writes it through
 * {@link TenantEditor}, validated and all-or-nothing like any other change.
 */
@Service
public class ReachForwards {

    private final TenantEditor editor;
    private final PhoneAudit audit;

    public ReachForwards(TenantEditor editor, PhoneAudit audit) {
        this.editor = editor;
        this.audit = audit;
    }

    /**
     * Sets (or with a null destination clears) one forward of {@code user}'s default profile.
     *
     * @throws IllegalArgumentException for an unknown tenant, user or forward
     * @throws org.reachpbx.directory.validation.InvalidConfigurationException when the result is invalid
     */
    public void apply(long tenantId, String user, ForwardSetting setting) {
        Tenant draft = editor.draft(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
        UserExtension u = draft.extension(user).filter(UserExtension.class::isInstance).map(UserExtension.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("no user " + user));
        com.fasterxml.jackson.databind.JsonNode before = editor.tree(draft);
        ReachProfile profile = u.getReach().getDefaultProfile();
        String destination = setting.destination();
        switch (setting.forward()) {
            case "forwardAlways" -> profile.setForwardAlways(destination);
            case "forwardOnBusy" -> profile.setForwardOnBusy(destination);
            case "forwardOnNoAnswer" -> profile.setForwardOnNoAnswer(destination);
            default -> throw new IllegalArgumentException("no forward " + setting.forward());
        }
        com.fasterxml.jackson.databind.JsonNode after = editor.tree(draft);
        editor.save(draft);
        // The user changes the own forwards by phone (910): audited like the same change in the UI.
        audit.saved(user, tenantId, "REACH: forward by phone", "910 user " + user, before, after);
    }
}
