package org.reachpbx.server.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.vocabulary.DeviceType;

/**
 * A call to simulate (docs/simulator.md). {@code from} is "trunk" (a call from outside to
 * {@code dialled}, a public number) or "device" (placed by {@code callerExtension} and/or
 * {@code channel}). {@code time} is a local date-time in the tenant's zone, {@code instant} an
 * absolute one; neither means now. The live state (busy users, unreachable devices as
 * "user/device", roaming users, calls up per call-limit extension, the caller's outside calls)
 * defaults to idle. {@code resumeAt} + {@code digits} (+ {@code resumePrefix}, the collect
 * decision's displayPrefix) decide again after a menu or prompt.
 */
public record SimulationRequest(String from, String caller, String callerExtension, String channel, DeviceType deviceType,
                                String dialled, LocalDateTime time, Instant instant, String sourceIp, String lastLoginIp,
                                List<String> busy, List<String> unreachable, List<String> roaming,
                                Map<String, Integer> callLimitCalls, Integer externalCalls, String resumeAt,
                                String digits, String resumePrefix) {

    CallAttempt toAttempt(ZoneId zone) {
        if (dialled == null || dialled.isBlank()) {
            throw new BadRequestException("dialled is required: the dialled string or the called public number");
        }
        boolean device = "device".equalsIgnoreCase(from);
        if (!device && from != null && !"trunk".equalsIgnoreCase(from)) {
            throw new BadRequestException("from must be \"trunk\" or \"device\", not \"" + from + "\"");
        }
        CallAttempt.Builder b = device ? CallAttempt.fromDevice(callerExtension, channel, dialled)
                : CallAttempt.fromTrunk(caller, dialled);
        if (deviceType != null) {
            b.deviceType(deviceType);
        }
        if (time != null) {
            b.time(time.atZone(zone).toInstant());
        } else if (instant != null) {
            b.time(instant);
        }
        return b.sourceIp(sourceIp).lastLoginIp(lastLoginIp)
                .busyUsers(busy == null ? null : Set.copyOf(busy))
                .unreachableDevices(unreachable == null ? null : Set.copyOf(unreachable))
                .roamingUsers(roaming == null ? null : Set.copyOf(roaming))
                .callLimitCalls(callLimitCalls).callerExternalCalls(externalCalls == null ? 0 : externalCalls)
                .resume(resumeAt, digits, resumePrefix).build();
    }
}
