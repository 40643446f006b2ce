package org.reachpbx.directory.store;

import java.util.Optional;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.yaml.TenantYaml;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits a stored tenant the way an import does: a detached draft of the whole tenant is changed in
 * memory and saved through {@link TenantStore#save}, so an edit passes exactly the validation of an
 * import and is all-or-nothing. The draft is read through the tenant's YAML document, which round
 * trips losslessly (hashed secrets included), so no editor ever holds a managed entity.
 */
@Service
public class TenantEditor {

    private final TenantStore store;
    private final TenantYaml yaml;

    public TenantEditor(TenantStore store, TenantYaml yaml) {
        this.store = store;
        this.yaml = yaml;
    }

    /** A detached copy of the tenant to change; nothing is stored until {@link #save}. */
    @Transactional(readOnly = true)
    public Optional<Tenant> draft(long tenantId) {
        return store.exportYaml(tenantId).map(yaml::read);
    }

    /** The draft as its document's tree: taken before and after a change, {@link
     *  org.reachpbx.directory.access.AuditDiff} tells what the change did. */
    public com.fasterxml.jackson.databind.JsonNode tree(Tenant draft) {
        return yaml.tree(draft);
    }

    /**
     * Validates and stores the changed draft.
     *
     * @throws org.reachpbx.directory.validation.InvalidConfigurationException with every violation
     *         (YAML path and reason) when the draft is invalid; nothing is stored then
     */
    public TenantStore.Saved save(Tenant draft) {
        return store.save(draft);
    }
}
