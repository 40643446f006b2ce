package org.reachpbx.rules.engine;

import org.reachpbx.rules.support.DataStores;

import org.reachpbx.rules.support.RuleTrace;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;
import org.reachpbx.rules.tables.AnalystTables;
import org.reachpbx.rules.view.TenantView;

/**
 * The routing rule unit: the facts of one decision (the call, its hops and what the rules derive
 * about them) and the {@link Routing} fact, through which consequences state decisions and reach
 * the tenant view, the analyst tables and the trace.
 */
public class RoutingUnit implements RuleUnitData {
    private final DataStore<Call> calls = DataSource.createStore();
    private final DataStore<OutgoingCall> outgoingCalls = DataSource.createStore();
    private final DataStore<Hop> hops = DataSource.createStore();
    private final DataStore<PlanLookup> planLookups = DataSource.createStore();
    private final DataStore<ActivePlan> activePlans = DataSource.createStore();
    private final DataStore<ReachLookup> reachLookups = DataSource.createStore();
    private final DataStore<DeviceRinging> alerts = DataSource.createStore();
    private final DataStore<GroupLookup> groupLookups = DataSource.createStore();
    private final DataStore<LbrLookup> lbrLookups = DataSource.createStore();
    private final DataStore<TbrLookup> tbrLookups = DataSource.createStore();

    /** Holds the one {@link Routing} of this decision; rules bind it as {@code routing: /decisions}. */
    private final DataStore<Routing> decisions = DataSource.createStore();
    private Routing routing;

    public RoutingUnit() {
    }

    /** Starts a decision: a fresh {@link Routing} for this view, tables and trace. */
    void begin(TenantView view, AnalystTables tables, RuleTrace trace) {
        if (routing == null) {
            routing = new Routing(hops);
            decisions.add(routing);
        }
        routing.begin(view, tables, trace);
    }

    /**
     * Removes every fact, so the same rule unit instance can decide the next call: creating a
     * session per call would cost more time and garbage than the decision itself.
     */
    void clear() {
        DataStores.clear(calls, outgoingCalls, hops, planLookups, activePlans, reachLookups, alerts, groupLookups,
                lbrLookups, tbrLookups);
    }

    public DataStore<Call> getCalls() { return calls; }
    public DataStore<OutgoingCall> getOutgoingCalls() { return outgoingCalls; }
    public DataStore<Hop> getHops() { return hops; }
    public DataStore<PlanLookup> getPlanLookups() { return planLookups; }
    public DataStore<ActivePlan> getActivePlans() { return activePlans; }
    public DataStore<ReachLookup> getReachLookups() { return reachLookups; }
    public DataStore<DeviceRinging> getAlerts() { return alerts; }
    public DataStore<GroupLookup> getGroupLookups() { return groupLookups; }
    public DataStore<LbrLookup> getLbrLookups() { return lbrLookups; }
    public DataStore<TbrLookup> getTbrLookups() { return tbrLookups; }
    public DataStore<Routing> getDecisions() { return decisions; }

    // Not unit variables (no getter names): the build-time code generator can only load unit
    // variable types that are Drools' own, so the rules reach these through the Routing fact.
    Routing routing() { return routing; }
}
