package org.reachpbx.rules.attempt;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.reachpbx.rules.vocabulary.DeviceType;

/**
 * One call attempt, the input of {@code RoutingEngine.decide}: who calls, what was dialled, from
 * where, and the live counters the rules need. Numbers may be given in any common form (+31…,
 * 0031…, 0…); the engine normalises them (ACC-08).
 *
 * @param origin              TRUNK for a call from outside to a public number, DEVICE for a call a
 *                            channel, softphone or mobile of this tenant places
 * @param callerNumber        the calling number; null or empty when withheld
 * @param callerWithheld      true when the caller withheld the number (anonymous)
 * @param callerExtension     the user extension placing the call (logged in on or linked to the
 *                            device); null for a trunk call or a device with no user
 * @param channel             the channel the call came from, if any
 * @param deviceType          FIXED (desk phone), DESKTOP or MOBILE
 * @param dialled             the dialled string, or the called public number for a trunk call
 * @param sourceIp            the source address of the request
 * @param lastLoginIp         the address the last 901 login on this device came from (IPL-01)
 * @param time                the moment of the call; null = the engine's clock
 * @param callLimitCalls      calls up per call-limit extension (CLX-02)
 * @param callerExternalCalls external calls the calling user has up (ECL-01)
 * @param busyUsers           users that count as busy now (USR-11)
 * @param unreachableDevices  devices that cannot ring now, as "user/device"
 * @param roamingUsers        users whose mobile roams abroad now (REACH-09)
 * @param resumeAt            for "collect digits then decide again": the extension that asked
 * @param digits              the digits the caller keyed there (empty = none before the timeout)
 * @param resumePrefix        the display prefix the call had when digits were asked for
 *                            ({@code Collect.displayPrefix}), so route prefixes keep adding up (IVR-07)
 */
public record CallAttempt(Origin origin, String callerNumber, boolean callerWithheld, String callerExtension,
                          String channel, DeviceType deviceType, String dialled, String sourceIp, String lastLoginIp,
                          Instant time, Map<String, Integer> callLimitCalls, int callerExternalCalls,
                          Set<String> busyUsers, Set<String> unreachableDevices, Set<String> roamingUsers,
                          String resumeAt, String digits, String resumePrefix) {

    public enum Origin { TRUNK, DEVICE }

    public CallAttempt {
        if (origin == null) {
            origin = callerExtension != null || channel != null ? Origin.DEVICE : Origin.TRUNK;
        }
        callLimitCalls = callLimitCalls == null ? Map.of() : Map.copyOf(callLimitCalls);
        busyUsers = busyUsers == null ? Set.of() : Set.copyOf(busyUsers);
        unreachableDevices = unreachableDevices == null ? Set.of() : Set.copyOf(unreachableDevices);
        roamingUsers = roamingUsers == null ? Set.of() : Set.copyOf(roamingUsers);
        if (deviceType == null && origin == Origin.DEVICE) {
            deviceType = DeviceType.FIXED;
        }
    }

    /** A call from outside to a public number. */
    public static Builder fromTrunk(String callerNumber, String calledNumber) {
        return new Builder(Origin.TRUNK).caller(callerNumber).dialled(calledNumber);
    }

    /** A call placed by a user (or a channel with no user when {@code userExtension} is null). */
    public static Builder fromDevice(String userExtension, String channel, String dialled) {
        return new Builder(Origin.DEVICE).callerExtension(userExtension).channel(channel).dialled(dialled);
    }

    public boolean internalCaller() {
        return origin == Origin.DEVICE;
    }

    /** Builder for tests, the simulator and the SIP layer. */
    public static final class Builder {
        private final Origin origin;
        private String callerNumber;
        private boolean withheld;
        private String callerExtension;
        private String channel;
        private DeviceType deviceType;
        private String dialled;
        private String sourceIp;
        private String lastLoginIp;
        private Instant time;
        private Map<String, Integer> callLimitCalls;
        private int callerExternalCalls;
        private Set<String> busyUsers;
        private Set<String> unreachableDevices;
        private Set<String> roamingUsers;
        private String resumeAt;
        private String digits;
        private String resumePrefix;

        private Builder(Origin origin) {
            this.origin = origin;
        }

        public Builder caller(String number) {
            this.callerNumber = number;
            this.withheld = number == null || number.isBlank() || number.equalsIgnoreCase("anonymous");
            if (withheld) {
                this.callerNumber = null;
            }
            return this;
        }

        public Builder callerExtension(String v) { this.callerExtension = v; return this; }
        public Builder channel(String v) { this.channel = v; return this; }
        public Builder deviceType(DeviceType v) { this.deviceType = v; return this; }
        public Builder dialled(String v) { this.dialled = v; return this; }
        public Builder sourceIp(String v) { this.sourceIp = v; return this; }
        public Builder lastLoginIp(String v) { this.lastLoginIp = v; return this; }
        public Builder time(Instant v) { this.time = v; return this; }
        public Builder callLimitCalls(Map<String, Integer> v) { this.callLimitCalls = v; return this; }
        public Builder callerExternalCalls(int v) { this.callerExternalCalls = v; return this; }
        public Builder busyUsers(Set<String> v) { this.busyUsers = v; return this; }
        public Builder unreachableDevices(Set<String> v) { this.unreachableDevices = v; return this; }
        public Builder roamingUsers(Set<String> v) { this.roamingUsers = v; return this; }
        public Builder resume(String extension, String keyed) { this.resumeAt = extension; this.digits = keyed; return this; }
        /** Decide again at {@code extension} with the digits keyed and the display prefix the call had there. */
        public Builder resume(String extension, String keyed, String displayPrefix) {
            this.resumePrefix = displayPrefix;
            return resume(extension, keyed);
        }

        public CallAttempt build() {
            return new CallAttempt(origin, callerNumber, withheld, callerExtension, channel, deviceType, dialled,
                    sourceIp, lastLoginIp, time, callLimitCalls, callerExternalCalls, busyUsers, unreachableDevices,
                    roamingUsers, resumeAt, digits, resumePrefix);
        }
    }
}
