package org.reachpbx.directory.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reachpbx.directory.model.Holiday;
import org.reachpbx.directory.model.NumberPlan;
import org.reachpbx.directory.model.NumberPlanEntry;
import org.reachpbx.directory.model.NumberPlanSchema;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.ScheduleEntry;
import org.reachpbx.directory.model.Tenant;

/** Number plan schemas, plans, schedules, holidays and overrides (NP). */
final class NumberPlanChecks extends Checks {

    NumberPlanChecks(Tenant tenant, List<Violation> out) {
        super(tenant, out);
    }

    @Override
    void run() {
        numberPlans();
    }


    private void numberPlans() {
        List<NumberPlanSchema> schemas = tenant.getNumberPlanSchemas();
        noDuplicates("numberPlanSchemas", schemas, s -> String.valueOf(s.getNumber()));
        if (schemas.stream().noneMatch(s -> Integer.valueOf(1).equals(s.getNumber()))) {
            add("numberPlanSchemas", "mainSchemaRequired");
        }
        Map<String, Integer> schemaOfNumber = new HashMap<>();
        for (int i = 0; i < schemas.size(); i++) {
            NumberPlanSchema s = schemas.get(i);
            String p = "numberPlanSchemas[" + i + "]";
            if (s.getPlans().size() > TenantValidator.MAX_PLANS) {
                add(p + ".plans", "tooManyPlans", s.getPlans().size(), TenantValidator.MAX_PLANS);
            }
            noDuplicates(p + ".plans", s.getPlans(), pl -> String.valueOf(pl.getNumber()));
            for (int j = 0; j < s.getPlans().size(); j++) {
                plan(s, s.getPlans().get(j), p + ".plans[" + j + "]", schemaOfNumber);
            }
            if (s.getManualOverride() != null && s.plan(s.getManualOverride()).isEmpty()) {
                add(p + ".manualOverride", "noPlanInSchema", s.getNumber(), s.getManualOverride());
            }
            for (int j = 0; j < s.getSchedule().size(); j++) {
                ScheduleEntry e = s.getSchedule().get(j);
                String ep = p + ".schedule[" + j + "]";
                window(ep, e);
                if (e.getPlan() != null && s.plan(e.getPlan()).isEmpty()) {
                    add(ep + ".plan", "noPlanInSchema", s.getNumber(), e.getPlan());
                }
            }
            for (int j = 0; j < s.getHolidays().size(); j++) {
                Holiday h = s.getHolidays().get(j);
                String hp = p + ".holidays[" + j + "]";
                if (h.getStart() != null && h.getEnd() != null && !h.getStart().isBefore(h.getEnd())) {
                    add(hp + ".end", "endNotAfterStart", h.getStart());
                }
                if (h.getPlan() != null && s.plan(h.getPlan()).isEmpty()) {
                    add(hp + ".plan", "noPlanInSchema", s.getNumber(), h.getPlan());
                }
            }
        }
    }

    private void plan(NumberPlanSchema s, NumberPlan plan, String p, Map<String, Integer> schemaOfNumber) {
        noDuplicates(p + ".entries", plan.getEntries(), NumberPlanEntry::getNumber);
        for (int k = 0; k < plan.getEntries().size(); k++) {
            NumberPlanEntry e = plan.getEntries().get(k);
            String ep = p + ".entries[" + k + "]";
            if (e.getExtension() != null && !extensions.containsKey(e.getExtension())) {
                add(ep + ".extension", "noExtension", e.getExtension());
            }
            if (e.getNumber() == null) {
                continue;
            }
            PhoneNumber n = numbers.get(e.getNumber());
            if (n == null) {
                add(ep + ".number", "notANumberOfTenant", e.getNumber());
            } else if (!n.isCompanyNumber()) {
                add(ep + ".number", "personalNumberInPlan", e.getNumber(), n.getOwner());
            } else if (!n.isActive()) {
                add(ep + ".number", "numberNotActive", e.getNumber());
            }
            Integer other = schemaOfNumber.putIfAbsent(e.getNumber(), s.getNumber());
            if (other != null && !other.equals(s.getNumber())) {
                add(ep + ".number", "numberInOtherSchema", e.getNumber(), other);
            }
        }
    }
}
