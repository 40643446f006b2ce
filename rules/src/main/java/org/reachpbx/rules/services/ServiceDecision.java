package org.reachpbx.rules.services;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.reachpbx.rules.decision.FiredRule;

/**
 * The answer of a service: allowed (with the action data the caller must carry out or store — the
 * engine never writes), refused (reason and announcement key) or COLLECT (ask {@code ask}
 * first, then decide again with the answer). Fields a kind does not use are null.
 */
public record ServiceDecision(ServiceKind kind, ServiceOutcome outcome, String reason, String announcement, String ask,
                              PlanChange planChange, String pickedUpCall, String pickedUpFrom, Integer parkLine,
                              String target, String mode, List<String> logOutChannels, String logOutUser,
                              Boolean pinChangeRequired, Boolean newPinAccepted, Boolean busy, List<Notification> notifications,
                              List<String> ringDevices, List<String> stopRinging, String continueWith,
                              String forwardTo, String dtmfAction, Transfer transfer, ForwardSetting forwardSetting,
                              List<FiredRule> trace) {

    /**
     * A number-plan change for the caller to store (NP-19..21): a manual override to set or clear,
     * a temporary holiday entry to add, temporary entries to remove (by position).
     */
    public record PlanChange(int schema, Integer manualOverride, boolean clearManualOverride,
                             TemporaryHoliday addHoliday, List<Integer> removeHolidays) {
    }

    /** A 915 temporary change stored as a holiday entry (NP-19): local times, end exclusive. */
    public record TemporaryHoliday(String description, LocalDateTime start, LocalDateTime end, Instant endsAt,
                                   long durationMinutes, int plan, boolean temporary, int position) {
    }

    /** A DESKTOP notification of a ringing call for a user, after a delay in seconds (PRV-05). */
    public record Notification(String user, int delaySeconds) {
    }

    /**
     * What the B2BUA must do with a transfer (GEN-03..05): follow the destination's REACH, return
     * to the transferring user (at once or after {@code returnAfterSeconds}; the returned call rings
     * {@code returnRingsSeconds}, then it is released), and whether it is a
     * new external call (ECL-02) barred like a call (CB-07).
     */
    public record Transfer(String destination, boolean blind, boolean external, boolean followReach,
                           boolean returnAtOnce, Integer returnAfterSeconds, boolean returnOnBusy,
                           boolean countsAsExternalCall, boolean barringApplies, String completesWhen,
                           Integer returnRingsSeconds) {
    }

    /** 910: the forward of the user's default REACH profile to set (SYSNUM-02). */
    public record ForwardSetting(String forward, String destination) {
    }
}
