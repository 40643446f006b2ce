package org.reachpbx.rules.services;

import org.reachpbx.rules.support.RuleSessions;


import java.time.Clock;
import java.time.LocalDateTime;
import org.reachpbx.rules.view.TenantView;

/**
 * Decisions inside system services and call features (915, pickup, park, listen-in, login,
 * busy, transfers, DTMF, assistants): {@code decide(request, tenantView, serviceView, clock)} runs
 * the DRL rule unit {@link ServiceUnit} and returns the decision with the rules that fired. It never
 * writes: changes to store come back as data. Thread-safe; one rule-unit instance per thread.
 */
public final class ServiceEngine {
    private final RuleSessions<ServiceUnit> sessions = new RuleSessions<>(ServiceUnit::new, ServiceUnit::clear);

    public ServiceDecision decide(ServiceRequest request, TenantView view, ServiceView services, Clock clock) {
        LocalDateTime now = request.time() != null ? request.time() : LocalDateTime.now(clock.withZone(view.zone()));
        ServiceCall call = new ServiceCall(request, view, services, now);
        return sessions.decide(session -> {
            session.data().begin(session.trace());
            session.data().getRequests().add(call);
            session.fire();
            return session.data().services().decision(request.kind());
        });
    }
}
