package org.reachpbx.rules.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One leg to create: a user's device (with its channel), an external number, or a member leg that
 * follows its own decision (a group member's forward, GRP-03).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RingTarget(Kind kind, String user, String device, String channel, String number,
                         RoutingDecision leg) {
    public enum Kind { DEVICE, EXTERNAL, LEG }

    public static RingTarget device(String user, String device, String channel, String mobileNumber) {
        return new RingTarget(Kind.DEVICE, user, device, channel, mobileNumber, null);
    }

    public static RingTarget external(String number) {
        return new RingTarget(Kind.EXTERNAL, null, null, null, number, null);
    }

    public static RingTarget leg(String user, RoutingDecision leg) {
        return new RingTarget(Kind.LEG, user, null, null, null, leg);
    }
}
