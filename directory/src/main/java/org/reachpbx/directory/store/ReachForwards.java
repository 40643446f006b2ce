package org.reachpbx.directory.store;

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

    public ReachForwards(TenantEditor editor) {
        this.editor = editor;
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
        ReachProfile profile = u.getReach().getDefaultProfile();
        String destination = setting.destination();
        switch (setting.forward()) {
            case "forwardAlways" -> profile.setForwardAlways(destination);
            case "forwardOnBusy" -> profile.setForwardOnBusy(destination);
            case "forwardOnNoAnswer" -> profile.setForwardOnNoAnswer(destination);
            default -> throw new IllegalArgumentException("no forward " + setting.forward());
        }
        editor.save(draft);
    }
}
