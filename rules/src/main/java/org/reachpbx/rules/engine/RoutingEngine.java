package org.reachpbx.rules.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.drools.ruleunits.api.conf.RuleConfig;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.tables.AnalystTables;
import org.reachpbx.rules.view.TenantView;

/**
 * The routing brain: {@code decide(attempt, tenantView, clock)} runs the routing rules (DRL rule
 * unit {@link RoutingUnit}, compiled at build time) over one call attempt and one tenant's
 * configuration view and returns the decision with the rules that fired. Thread-safe; it never
 * touches the network or a database.
 */
public final class RoutingEngine {
    private final Supplier<AnalystTables> tables;
    private final RuleUnit<RoutingUnit> unit;

    public RoutingEngine(Supplier<AnalystTables> tables) {
        this.tables = tables;
        this.unit = RuleUnitProvider.get().getRuleUnit(new RoutingUnit());
        if (unit == null) {
            throw new IllegalStateException("the RoutingUnit rule unit was not generated at build time");
        }
    }

    public RoutingDecision decide(CallAttempt attempt, TenantView view, Clock clock) {
        // One version of the tables for the whole decision, even if a new one is published meanwhile.
        AnalystTables t = tables.get();
        Trace trace = new Trace();
        RoutingUnit data = new RoutingUnit(view, t, trace);
        Instant when = attempt.time() != null ? attempt.time() : clock.instant();
        Call call = new Call(attempt, view, when);
        data.getCalls().add(call);
        RuleConfig config = RuleUnitProvider.get().newRuleConfig();
        config.getAgendaEventListeners().add(new TraceListener(trace));
        try (RuleUnitInstance<RoutingUnit> instance = unit.createInstance(data, config)) {
            instance.fire();
        }
        return new DecisionAssembler(data.routing(), call).assemble(trace.fired());
    }
}
