package org.reachpbx.server.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.vocabulary.DeviceType;

/**
 * A call to simulate (docs/simulator.md). {@code from} is "trunk" (a call from outside to
 * {@code dialled}, a public number) or "device" (placed by {@code callerExtension} and/or
 * {@code channel}). {@code time} is a local date-time in the tenant's zone (with an offset,
 * {@code 2026-12-01T10:00+01:00}, it is that absolute moment), {@code instant} an absolute one; neither
 * means now, both is refused, and a local time that does not exist (the spring DST gap) is refused
 * rather than shifted. The live state (busy users, unreachable devices as
 * "user/device", roaming users, calls up per call-limit extension, the caller's outside calls)
 * defaults to idle. {@code resumeAt} + {@code digits} (+ {@code resumePrefix}, the collect
 * decision's displayPrefix) decide again after a menu or prompt.
 */
public record SimulationRequest(String from, String caller, String callerExtension, String channel, DeviceType deviceType,
                                String dialled, String time, Instant instant, String sourceIp, String lastLoginIp,
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
        if (time != null && instant != null) {
            throw new BadRequestException("give either time (a local date-time in the tenant's zone) or instant"
                    + " (an absolute moment), not both");
        }
        if (time != null) {
            b.time(moment(time, zone));
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

    /** {@code time} as a moment: a local date-time in the zone, or a date-time with an offset as written. */
    static Instant moment(String time, ZoneId zone) {
        String t = time.strip();
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(t);
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException notOffset) {
                throw new BadRequestException("time '" + time + "' is not a date-time: give a local date-time such as"
                        + " 2026-11-24T10:00 (tenant's zone), one with an offset such as 2026-12-01T10:00+01:00,"
                        + " or an instant such as 2026-12-01T09:00:00Z");
            }
        }
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            var gap = zone.getRules().getTransition(local);
            throw new BadRequestException("time " + t + " does not exist in " + zone.getId() + ": the clocks go from "
                    + gap.getDateTimeBefore().toLocalTime() + " to " + gap.getDateTimeAfter().toLocalTime()
                    + " that day (daylight saving time); give a time outside the gap, or an instant");
        }
        return local.atZone(zone).toInstant();
    }
}
