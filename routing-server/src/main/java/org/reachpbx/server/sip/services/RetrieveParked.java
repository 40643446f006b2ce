package org.reachpbx.server.sip.services;

import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;

/**
 * 930 + line (PARK-03/04): the parked call on that line is connected to the one who dialled, if the
 * rules allow (the parker always; others with the retrieve-parked right). A free or invalid line:
 * an announcement, then release.
 */
final class RetrieveParked implements MediaScript {

    private final InCallServices services;
    private final String dialled;

    RetrieveParked(InCallServices services, String dialled) {
        this.services = services;
        this.dialled = dialled;
    }

    @Override
    public void start(ServedCall call) {
        long tenant = call.leg().tenantId();
        String user = call.leg().callerUser();
        call.background(() -> {
            ServiceDecision d = services.decide(call.leg().view(),
                    ServiceRequests.retrieve(user, call.leg().callerChannel(), dialled, services.parked().lines(tenant)));
            if (d.outcome() != ServiceOutcome.ALLOWED || d.parkLine() == null) {
                return d.announcement() == null ? "park-invalid-line" : d.announcement();
            }
            ParkedCalls.Parked p = services.parked().take(tenant, d.parkLine());
            if (p == null) {
                return "park-invalid-line"; // the parked caller hung up meanwhile
            }
            CallJoin join = new CallJoin();
            p.call().leg().locked(() -> p.call().run(join.side()));
            call.leg().locked(() -> call.run(join.side()));
            return null;
        }, (String refusal) -> {
            if (refusal != null) {
                call.play(call.prompts().of(refusal, "goodbye"), call::hangUp);
            }
        });
    }
}
