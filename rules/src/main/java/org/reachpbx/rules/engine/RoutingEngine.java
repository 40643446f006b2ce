package org.reachpbx.rules.engine;

import org.reachpbx.rules.support.RuleSessions;


import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
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
    private final RuleSessions<RoutingUnit> sessions = new RuleSessions<>(RoutingUnit::new, RoutingUnit::clear);

    public RoutingEngine(Supplier<AnalystTables> tables) {
        this.tables = tables;
    }

    public RoutingDecision decide(CallAttempt attempt, TenantView view, Clock clock) {
        // One version of the tables for the whole decision, even if a new one is published meanwhile.
        AnalystTables t = tables.get();
        Instant when = attempt.time() != null ? attempt.time() : clock.instant();
        Call call = new Call(attempt, view, when);
        return sessions.decide(session -> {
            session.data().begin(view, t, session.trace());
            session.data().getCalls().add(call);
            session.fire();
            return new DecisionAssembler(session.data().routing(), call).assemble(session.trace().fired());
        });
    }
}
