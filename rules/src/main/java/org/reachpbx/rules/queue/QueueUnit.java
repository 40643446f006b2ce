package org.reachpbx.rules.queue;

import org.reachpbx.rules.support.DataStores;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * The queue (ACD) rule unit: the facts of one queue decision. The {@link QueueRun} (queue, state,
 * tenant, and what is decided) is a fact bound as {@code q: /queues}, because the build-time code
 * generator cannot load unit variables of the project's own types.
 */
public class QueueUnit implements RuleUnitData {
    private final DataStore<QueueRun> queues = DataSource.createStore();
    private final DataStore<AgentCandidate> agents = DataSource.createStore();
    private final DataStore<WaitingCaller> callers = DataSource.createStore();
    private final DataStore<LoginRequest> requests = DataSource.createStore();
    private final DataStore<Ranking> rankings = DataSource.createStore();
    private final DataStore<Arrival> arrivals = DataSource.createStore();

    public QueueUnit() {
    }

    /** Removes every fact so the same instance can make the next decision. */
    void clear() {
        DataStores.clear(queues, agents, callers, requests, rankings, arrivals);
    }

    public DataStore<QueueRun> getQueues() { return queues; }
    public DataStore<AgentCandidate> getAgents() { return agents; }
    public DataStore<WaitingCaller> getCallers() { return callers; }
    public DataStore<LoginRequest> getRequests() { return requests; }
    public DataStore<Ranking> getRankings() { return rankings; }
    public DataStore<Arrival> getArrivals() { return arrivals; }
}
