package org.reachpbx.rules.services;

import org.reachpbx.rules.support.DataStores;

import org.reachpbx.rules.support.RuleTrace;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * The service rule unit: the one request of a decision (as a {@link ServiceCall} with its
 * candidates worked out) and the {@link Services} vocabulary, bound as {@code services: /decisions}
 * (project types cannot be unit variables, see docs/routing-rules.md).
 */
public class ServiceUnit implements RuleUnitData {
    private final DataStore<ServiceCall> requests = DataSource.createStore();
    private final DataStore<Services> decisions = DataSource.createStore();
    private Services services;

    public ServiceUnit() {
    }

    void begin(RuleTrace trace) {
        if (services == null) {
            services = new Services();
            decisions.add(services);
        }
        services.begin(trace);
    }

    void clear() {
        DataStores.clear(requests);
    }

    public DataStore<ServiceCall> getRequests() { return requests; }
    public DataStore<Services> getDecisions() { return decisions; }

    Services services() { return services; }
}
