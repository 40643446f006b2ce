package org.reachpbx.server.sip.services;

import java.time.Clock;
import java.util.function.LongFunction;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceEngine;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.rules.services.ServiceRequest;
import org.reachpbx.rules.services.ServiceView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-call services on the wire: park (PARK-02..05), retrieve (930+line), call pickup (*8, 908,
 * GEN-02), device switch (*9, 909, GEN-01), listen-in (906, LSN-01..04). The service rules decide each request (the {@link ServiceEngine}); this class gives them
 * the live state (parked lines, ringing calls) and carries their decisions out on served calls.
 */
public final class InCallServices {

    private static final Logger log = LoggerFactory.getLogger(InCallServices.class);

    private final ServiceEngine engine = new ServiceEngine();
    private final LongFunction<ServiceView> serviceViews;
    private final Clock clock;
    private final ParkedCalls parked = new ParkedCalls();
    private volatile CallsInProgress calls;

    public InCallServices(LongFunction<ServiceView> serviceViews, Clock clock) {
        this.serviceViews = serviceViews;
        this.clock = clock;
    }

    /** The B2BUA's calls in progress (pickup, device switch, listen-in). */
    public void attach(CallsInProgress calls) {
        this.calls = calls;
    }

    public ParkedCalls parked() {
        return parked;
    }

    ServiceDecision decide(TenantView view, ServiceRequest request) {
        return engine.decide(request, view, serviceViews.apply(view.tenantId()), clock);
    }

    /** GEN-03/04: what a transfer by {@code user} to {@code destination} must do (return timing, REACH). */
    public ServiceDecision transfer(TenantView view, String user, String channel, String destination, boolean blind) {
        return decide(view, ServiceRequests.transfer(user, channel, destination, blind));
    }

    /**
     * GEN-02, PRV-03, GRP-08: whether {@code user} may pick up {@code call}, named by the phone (pickup
     * by Replaces): decided as the directed pickup {@code *8<callee>} of that one call would be.
     */
    public ServiceDecision pickUp(TenantView view, String user, String channel, ServiceRequest.RingingCall call) {
        return decide(view, ServiceRequests.pickUp(user, channel, "*8" + call.callee(), java.util.List.of(call)));
    }

    /**
     * PARK-02: {@code parker} parks {@code call} (taken back from its bridge): on the lowest free
     * line, where it hears music. Returns the line, or null when the rules refuse (all 99 in use).
     */
    public Integer park(TenantView view, String parker, String channel, ServedCall call) {
        long tenant = view.tenantId();
        for (int attempt = 0; attempt < 3; attempt++) {
            ServiceDecision d = decide(view, ServiceRequests.park(parker, channel, parked.lines(tenant)));
            if (d.outcome() != ServiceOutcome.ALLOWED || d.parkLine() == null) {
                log.info("Call {}: park by {} refused: {}", call.leg().callId(), parker, d.reason());
                return null;
            }
            int line = d.parkLine();
            if (parked.park(tenant, new ParkedCalls.Parked(line, parker, call, clock.instant()))) {
                log.info("Call {}: parked by {} on line {}", call.leg().callId(), parker, line);
                call.run(new Parked(parked, tenant, line));
                return line;
            }
            // Another park took the line between the decision and now: decide again.
        }
        return null;
    }

    /** The script for a system code of the in-call services, or null when {@code code} is not one. */
    public MediaScript scriptFor(MediaService service) {
        String code = service.code();
        if (code == null) {
            return null;
        }
        if (code.startsWith("930")) {
            return new RetrieveParked(this, code);
        }
        if (calls == null) {
            return null;
        }
        if (code.equals("*9") || code.equals("909")) {
            return new DeviceSwitch(this, calls);
        }
        if (code.startsWith("*8") || code.startsWith("908")) {
            return new PickUp(this, calls, code);
        }
        if (code.startsWith("906")) {
            return new SupervisorListening(this, calls, code);
        }
        return null;
    }
}
