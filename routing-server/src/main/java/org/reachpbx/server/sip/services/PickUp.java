package org.reachpbx.server.sip.services;

import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;

/**
 * Call pickup (GEN-02, PRV-03, GRP-08): {@code *8} / {@code 908} take the call that has rung longest
 * among those the user may pick up, {@code *8<ext>} / {@code 908<ext>} the one ringing at that user
 * or group. The ringing legs stop and the caller talks to the phone that picked up.
 */
final class PickUp implements MediaScript {

    private final InCallServices services;
    private final CallsInProgress ringing;
    private final String dialled;

    PickUp(InCallServices services, CallsInProgress ringing, String dialled) {
        this.services = services;
        this.ringing = ringing;
        this.dialled = dialled;
    }

    @Override
    public void start(ServedCall call) {
        long tenant = call.leg().tenantId();
        call.background(() -> {
            ServiceDecision d = services.decide(call.leg().view(), ServiceRequests.pickUp(call.leg().callerUser(),
                    call.leg().callerChannel(), dialled, ringing.ringing(tenant)));
            if (d.outcome() != ServiceOutcome.ALLOWED || d.pickedUpCall() == null) {
                return "pickup-nothing-ringing";
            }
            CallJoin join = new CallJoin();
            if (!ringing.pickUp(d.pickedUpCall(), join.side())) {
                return "pickup-nothing-ringing"; // answered elsewhere meanwhile
            }
            call.leg().locked(() -> call.run(join.side()));
            return null;
        }, (String refusal) -> {
            if (refusal != null) {
                call.play(call.prompts().of(refusal, "goodbye"), call::hangUp);
            }
        });
    }
}
