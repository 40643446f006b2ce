package org.reachpbx.server.sip.services;

import java.util.List;
import java.util.Map;
import org.reachpbx.rules.services.ServiceKind;
import org.reachpbx.rules.services.ServiceRequest;
import org.reachpbx.rules.vocabulary.DeviceType;

/**
 * The service requests of the in-call services, built with only the fields each kind uses (the
 * record has one field for every service the engine knows).
 */
final class ServiceRequests {

    private ServiceRequests() {
    }

    /** PARK-02: {@code user} parks a call; {@code parked} is the account's parked lines now. */
    static ServiceRequest park(String user, String channel, Map<Integer, String> parked) {
        return request(ServiceKind.PARK, user, channel, "*6", null, false, List.of(), parked);
    }

    /** PARK-03/04: {@code user} dialled {@code dialled} (930 + line). */
    static ServiceRequest retrieve(String user, String channel, String dialled, Map<Integer, String> parked) {
        return request(ServiceKind.RETRIEVE, user, channel, dialled, null, false, List.of(), parked);
    }

    /** GEN-02: {@code user} dialled {@code dialled} (*8, 908, with or without an extension). */
    static ServiceRequest pickUp(String user, String channel, String dialled, List<ServiceRequest.RingingCall> ringing) {
        return request(ServiceKind.PICKUP, user, channel, dialled, null, false, ringing, Map.of());
    }

    /** GEN-03/04: {@code user} transfers the call to {@code destination}, blind or attended. */
    static ServiceRequest transfer(String user, String channel, String destination, boolean blind) {
        return request(ServiceKind.TRANSFER, user, channel, null, destination, blind, List.of(), Map.of());
    }

    /** GEN-01: {@code user} dialled *9 on {@code device}; {@code liveCalls}: answered calls per device name. */
    static ServiceRequest deviceSwitch(String user, String channel, String device, Map<String, Integer> liveCalls) {
        return new ServiceRequest(ServiceKind.DEVICE_SWITCH, user, channel, device, DeviceType.FIXED, false, "*9", null,
                null, null, null, null, null, false, false, false, false, false, null, null, null, null, liveCalls,
                null, null, null);
    }

    /**
     * LSN-01/02/04: {@code user} listens to {@code agent} (906 + extension), keyed {@code option} (null: not
     * yet); {@code agentCalls}: the agent's answered calls now.
     */
    static ServiceRequest listenIn(String user, String channel, String agent, Integer option, int agentCalls) {
        return new ServiceRequest(ServiceKind.LISTEN_IN, user, channel, null, DeviceType.FIXED, false, "906" + agent, null,
                option, null, null, agent, null, false, false, false, false, false, null, null, null, null,
                agentCalls == 0 ? Map.of() : Map.of("calls", agentCalls), null, null, null);
    }

    private static ServiceRequest request(ServiceKind kind, String user, String channel, String dialled,
                                          String destination, boolean blind, List<ServiceRequest.RingingCall> ringing,
                                          Map<Integer, String> parked) {
        return new ServiceRequest(kind, user, channel, null, DeviceType.FIXED, false, dialled, null, null, null, null,
                destination, null, false, false, false, false, blind, null, null, ringing, parked, null, null, null,
                null);
    }
}
