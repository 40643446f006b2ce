package org.reachpbx.rules.engine;

import org.reachpbx.rules.view.PlanEntryView;
import org.reachpbx.rules.view.PlanView;

/** The plan a schema has active now, what activated it (NP-11), and the called number's entry in it. */
public final class ActivePlan {
    private final PlanLookup lookup;
    private final PlanView plan;
    private final String activatedBy;
    private final PlanEntryView entry;

    public ActivePlan(PlanLookup lookup, PlanView plan, String activatedBy) {
        this.lookup = lookup;
        this.plan = plan;
        this.activatedBy = activatedBy;
        this.entry = plan == null ? null : plan.entries().get(lookup.getNumber());
    }

    public PlanLookup getLookup() { return lookup; }
    public Hop getHop() { return lookup.getHop(); }
    public PlanView getPlan() { return plan; }
    public String getActivatedBy() { return activatedBy; }
    public PlanEntryView getEntry() { return entry; }
}
