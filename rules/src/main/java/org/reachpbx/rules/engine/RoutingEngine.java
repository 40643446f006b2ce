package org.reachpbx.rules.engine;

import org.reachpbx.rules.support.RuleTrace;

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
    private final ThreadLocal<Session> sessions = ThreadLocal.withInitial(Session::new);

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
        Instant when = attempt.time() != null ? attempt.time() : clock.instant();
        Call call = new Call(attempt, view, when);
        Session session = sessions.get();
        try {
            session.trace.clear();
            session.data.begin(view, t, session.trace);
            session.data.getCalls().add(call);
            session.instance.fire();
            return new DecisionAssembler(session.data.routing(), call).assemble(session.trace.fired());
        } catch (RuntimeException | Error e) {
            // A session in an unknown state is never reused.
            sessions.remove();
            session.instance.close();
            throw e;
        } finally {
            session.data.clear();
        }
    }

    /** One long-lived rule unit instance per thread, emptied after every decision. */
    private final class Session {
        final RoutingUnit data = new RoutingUnit();
        final RuleTrace trace = new RuleTrace();
        final RuleUnitInstance<RoutingUnit> instance;

        Session() {
            RuleConfig config = RuleUnitProvider.get().newRuleConfig();
            config.getAgendaEventListeners().add(trace);
            instance = unit.createInstance(data, config);
        }
    }
}
