package org.reachpbx.rules.support;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitData;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.drools.ruleunits.api.conf.RuleConfig;

/**
 * One long-lived instance of a rule unit per thread, with its {@link RuleTrace}, emptied after
 * every decision: creating a session per decision costs more time and garbage than the decision
 * itself. A session that threw is closed and never reused.
 */
public final class RuleSessions<U extends RuleUnitData> {

    /** One thread's session: the unit's data stores, its trace and the instance that fires the rules. */
    public static final class Session<U extends RuleUnitData> {
        private final U data;
        private final RuleTrace trace = new RuleTrace();
        private final RuleUnitInstance<U> instance;

        private Session(RuleUnit<U> unit, U data) {
            this.data = data;
            RuleConfig config = RuleUnitProvider.get().newRuleConfig();
            config.getAgendaEventListeners().add(trace);
            this.instance = unit.createInstance(data, config);
        }

        public U data() { return data; }
        public RuleTrace trace() { return trace; }
        public void fire() { instance.fire(); }
    }

    private final RuleUnit<U> unit;
    private final Supplier<U> newData;
    private final Consumer<U> clear;
    private final ThreadLocal<Session<U>> sessions;

    /**
     * @param newData makes an empty unit (also used to find the unit generated at build time)
     * @param clear   removes a decision's facts from the unit
     */
    public RuleSessions(Supplier<U> newData, Consumer<U> clear) {
        U probe = newData.get();
        this.unit = RuleUnitProvider.get().getRuleUnit(probe);
        if (unit == null) {
            throw new IllegalStateException("the " + probe.getClass().getSimpleName()
                    + " rule unit was not generated at build time");
        }
        this.newData = newData;
        this.clear = clear;
        this.sessions = ThreadLocal.withInitial(() -> new Session<>(unit, this.newData.get()));
    }

    /** Runs one decision on this thread's session: a fresh trace before, an empty unit after. */
    public <R> R decide(Function<Session<U>, R> decision) {
        Session<U> session = sessions.get();
        session.trace.clear();
        try {
            return decision.apply(session);
        } catch (RuntimeException | Error e) {
            sessions.remove();
            session.instance.close();
            throw e;
        } finally {
            clear.accept(session.data);
        }
    }
}
