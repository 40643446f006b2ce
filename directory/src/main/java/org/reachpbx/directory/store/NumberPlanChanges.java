package org.reachpbx.directory.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reachpbx.directory.access.PhoneAudit;
import org.reachpbx.directory.model.Holiday;
import org.reachpbx.directory.model.NumberPlanSchema;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.rules.services.ServiceDecision.PlanChange;
import org.reachpbx.rules.services.ServiceDecision.TemporaryHoliday;
import org.springframework.stereotype.Service;

/**
 * Stores what the 915 menu decided (NP-19–21): the service rules never write, they return a
 * {@link PlanChange}; this class applies it to the tenant's schema through {@link TenantEditor},
 * so the change is validated and saved all-or-nothing like an import, and the routing view, the
 * admin UI and the simulator see it at once.
 */
@Service
public class NumberPlanChanges {

    private final TenantEditor editor;
    private final PhoneAudit audit;

    public NumberPlanChanges(TenantEditor editor, PhoneAudit audit) {
        this.editor = editor;
        this.audit = audit;
    }

    /** As {@link #apply(long, PlanChange, String)} without saying who (not audited). */
    public void apply(long tenantId, PlanChange change) {
        apply(tenantId, change, null);
    }

    /**
     * Applies {@code change} to tenant {@code tenantId}.
     *
     * @throws IllegalArgumentException when the tenant or the schema is gone
     * @throws org.reachpbx.directory.validation.InvalidConfigurationException when the result is invalid
     */
    public void apply(long tenantId, PlanChange change, String byExtension) {
        Tenant draft = editor.draft(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
        NumberPlanSchema schema = draft.getNumberPlanSchemas().stream().filter(s -> s.getNumber() == change.schema())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no schema " + change.schema()));
        com.fasterxml.jackson.databind.JsonNode before = editor.tree(draft);
        if (change.clearManualOverride()) {
            schema.setManualOverride(null);
        }
        if (change.manualOverride() != null) {
            schema.setManualOverride(change.manualOverride());
        }
        List<Holiday> holidays = new ArrayList<>(schema.getHolidays());
        // Indexes in the list as the rules saw it: removed from the back, so the others keep theirs.
        change.removeHolidays().stream().sorted(Comparator.reverseOrder())
                .filter(i -> i >= 0 && i < holidays.size() && holidays.get(i).isTemporary())
                .forEach(i -> holidays.remove((int) i));
        TemporaryHoliday add = change.addHoliday();
        if (add != null) {
            Holiday h = new Holiday();
            h.setDescription(add.description() == null ? "915" : add.description());
            h.setStart(add.start());
            h.setEnd(add.end());
            h.setPlan(add.plan());
            h.setTemporary(true);
            holidays.add(Math.min(Math.max(0, add.position()), holidays.size()), h);
        }
        schema.setHolidays(holidays);
        com.fasterxml.jackson.databind.JsonNode after = editor.tree(draft);
        editor.save(draft);
        if (byExtension != null) {
            audit.saved(byExtension, tenantId, "Number plans: change by phone", "915 schema " + change.schema(),
                    before, after);
        }
    }
}
