package org.reachpbx.server.sip.services;

import java.util.HashMap;
import java.util.Map;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.server.sip.media.MediaScript;
import org.reachpbx.server.sip.media.ServedCall;

/**
 * Device switch {@code *9} / {@code 909} (GEN-01): a user in a call on one device dials it on
 * another; the call moves to this one and the first device's leg ends. The other party stays.
 */
final class DeviceSwitch implements MediaScript {

    private final InCallServices services;
    private final CallsInProgress calls;

    DeviceSwitch(InCallServices services, CallsInProgress calls) {
        this.services = services;
        this.calls = calls;
    }

    @Override
    public void start(ServedCall call) {
        long tenant = call.leg().tenantId();
        String user = call.leg().callerUser();
        UserView u = user == null ? null : call.leg().view().user(user);
        call.background(() -> {
            if (u == null) {
                return "switch-no-call";
            }
            String here = null;
            Map<String, Integer> live = new HashMap<>();
            for (DeviceView d : u.devices()) {
                if (d.channel() != null && d.channel().equals(call.leg().callerChannel())) {
                    here = d.name();
                }
            }
            for (String channel : calls.answeredOn(tenant, user)) {
                for (DeviceView d : u.devices()) {
                    if (channel.equals(d.channel())) {
                        live.merge(d.name(), 1, Integer::sum);
                    }
                }
            }
            ServiceDecision d = services.decide(call.leg().view(),
                    ServiceRequests.deviceSwitch(user, call.leg().callerChannel(), here, live));
            DeviceView from = d.outcome() == ServiceOutcome.ALLOWED && d.target() != null ? u.device(d.target()) : null;
            if (from == null || from.channel() == null) {
                return "switch-no-call";
            }
            CallJoin join = new CallJoin();
            if (!calls.moveAnswered(tenant, user, from.channel(), join.side())) {
                return "switch-no-call";
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
