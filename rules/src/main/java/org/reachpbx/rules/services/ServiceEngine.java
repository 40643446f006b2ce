package org.reachpbx.rules.services;

import org.reachpbx.rules.support.RuleTrace;

import java.time.Clock;
import java.time.LocalDateTime;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.drools.ruleunits.api.conf.RuleConfig;
import org.reachpbx.rules.view.TenantView;

/**
 * Decisions inside system services and call features (915, pickup, park, listen-in, login,
 * busy, transfers, DTMF, assistants): {@code decide(request, tenantView, serviceView, clock)} runs
 * the DRL rule unit {@link ServiceUnit} and returns the decision with the rules that fired. It never
 * writes: changes to store come back as data. Thread-safe; one rule-unit instance per thread.
 */
public final class ServiceEngine {
    private final RuleUnit<ServiceUnit> unit;
    private final ThreadLocal<Session> sessions = ThreadLocal.withInitial(Session::new);

    public ServiceEngine() {
        this.unit = RuleUnitProvider.get().getRuleUnit(new ServiceUnit());
        if (unit == null) {
            throw new IllegalStateException("the ServiceUnit rule unit was not generated at build time");
        }
    }

    public ServiceDecision decide(ServiceRequest request, TenantView view, ServiceView services, Clock clock) {
        LocalDateTime now = request.time() != null ? request.time() : LocalDateTime.now(clock.withZone(view.zone()));
        ServiceCall call = new ServiceCall(request, view, services, now);
        Session session = sessions.get();
        try {
            session.trace.clear();
            session.data.begin(session.trace);
            session.data.getRequests().add(call);
            session.instance.fire();
            return session.data.services().decision(request.kind());
        } catch (RuntimeException | Error e) {
            sessions.remove();
            session.instance.close();
            throw e;
        } finally {
            session.data.clear();
        }
    }

    private final class Session {
        final ServiceUnit data = new ServiceUnit();
        final RuleTrace trace = new RuleTrace();
        final RuleUnitInstance<ServiceUnit> instance;

        Session() {
            RuleConfig config = RuleUnitProvider.get().newRuleConfig();
            config.getAgendaEventListeners().add(trace);
            instance = unit.createInstance(data, config);
        }
    }
}
