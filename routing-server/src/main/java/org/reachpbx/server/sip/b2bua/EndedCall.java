package org.reachpbx.server.sip.b2bua;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sip.message.Request;
import org.reachpbx.directory.calls.CallDetailRecord;
import org.reachpbx.directory.calls.CallDisposition;
import org.reachpbx.directory.calls.CallLegRecord;
import org.reachpbx.directory.calls.CallType;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.server.sip.registrar.Registrar;
import org.reachpbx.server.sip.stack.SipProperties.Trunk;

/**
 * What happened to one call, as {@link B2bCall} knows it when the call ends (or {@link CallHandler}
 * when the decision refused it at once), turned into its call detail record. Kept apart from
 * B2bCall so the call itself only says what happened, not how it is billed.
 *
 * @param first         the call's top-level decision (it carries the rule trace)
 * @param last          the decision being executed when the call ended (a forward's continuation)
 * @param finalStatus   the final status sent to the caller; 0 when the call was answered and hung up
 * @param answeredUser  the extension whose device answered, or null
 * @param answeredNumber the external number that answered over the trunk, or null
 * @param media         the media service that answered the call, or null
 * @param segments      the decisions executed, in order, for the leg records ({@link CallLegs})
 */
record EndedCall(B2bCall.Setup setup, String callId, Request invite, RoutingDecision first, RoutingDecision last,
                 Instant startedAt, Instant answeredAt, Instant endedAt, int finalStatus, String finalReason,
                 String answeredUser, String answeredNumber, MediaService media, List<CallLegs.Segment> segments) {

    private static final int MAX_TRACE = 4000;

    /** A call the routing decision refused before anything rang. */
    static EndedCall refused(B2bCall.Setup setup, String callId, Request invite, RoutingDecision d, Instant at) {
        return new EndedCall(setup, callId, invite, d, d, at, null, at, d.reject().sipStatus(), d.reject().reason(),
                null, null, null, List.of(new CallLegs.Segment(d, at, null, null)));
    }

    CallDetailRecord toRecord(Trunks trunks) {
        CallDetailRecord r = new CallDetailRecord();
        r.setTenantId(setup.tenantId());
        r.setCallId(cut(callId, 255));
        r.setCallerNumber(cut(setup.callerNumber(), 64));
        r.setCallerName(cut(setup.callerName(), 128));
        r.setCallerUser(cut(setup.callerUser(), 32));
        r.setCallerChannel(cut(setup.callerChannel(), 64));
        r.setDialled(cut(setup.called(), 64));
        r.setAnsweredByUser(cut(answeredUser, 32));
        r.setFinalDestination(cut(finalDestination(), 64));
        if (first != null) {
            r.setOutcome(first.outcome().name());
            r.setRuleIds(cut(ruleIds(first), 500));
            r.setRuleTrace(cut(trace(first), MAX_TRACE));
        }
        r.setStartedAt(startedAt);
        r.setAnsweredAt(answeredAt);
        r.setEndedAt(endedAt);
        r.setDurationSeconds(Math.max(0, Duration.between(startedAt, endedAt).toSeconds()));
        r.setBillableSeconds(answeredAt == null ? 0 : billable(Duration.between(answeredAt, endedAt)));
        r.setDisposition(disposition());
        r.setSipStatus(answeredAt != null ? 200 : finalStatus);
        r.setCause(cut(cause(), 255));
        r.setForwardedBy(cut(forwardedBy(), 255));
        r.setCallType(type());
        r.setTrunk(cut(trunk(trunks), 64));
        for (int i = 0; i < segments.size(); i++) {
            CallLegs.Segment s = segments.get(i);
            boolean lastOne = i == segments.size() - 1;
            // The caller may have been answered by a menu before this segment rang: that is not its answer.
            Instant legAnswer = answeredAt != null && !answeredAt.isBefore(s.startedAt()) ? answeredAt : null;
            r.addLeg(CallLegs.record(s, lastOne ? lastLegOutcome(s) : null,
                    answeredUser != null ? answeredUser : answeredNumber, legAnswer, endedAt));
        }
        return r;
    }

    /** How the segment running when the call ended ended. */
    private CallLegRecord.Outcome lastLegOutcome(CallLegs.Segment s) {
        RoutingDecision d = s.decision();
        if (answeredUser != null || answeredNumber != null) {
            return CallLegRecord.Outcome.ANSWERED;
        }
        if (d.outcome() == RoutingDecision.Outcome.REJECT) {
            return d.reject() != null && d.reject().cause() == org.reachpbx.rules.decision.RejectCause.BUSY
                    ? CallLegRecord.Outcome.BUSY : CallLegRecord.Outcome.REJECTED;
        }
        if (media != null && d.outcome() == RoutingDecision.Outcome.MEDIA) {
            return CallLegRecord.Outcome.SERVED;
        }
        return switch (finalStatus) {
            case 0, 487 -> CallLegRecord.Outcome.CALLER_LEFT;
            case 486, 600 -> CallLegRecord.Outcome.BUSY;
            case 480, 408 -> CallLegRecord.Outcome.NO_ANSWER;
            default -> CallLegRecord.Outcome.FAILED;
        };
    }

    CallDisposition disposition() {
        if (answeredAt != null) {
            return CallDisposition.ANSWERED;
        }
        if (last != null && last.outcome() == RoutingDecision.Outcome.REJECT && last.reject() != null) {
            return switch (last.reject().cause()) {
                case BUSY -> CallDisposition.BUSY;
                default -> CallDisposition.REJECTED;
            };
        }
        return switch (finalStatus) {
            case 486, 600 -> CallDisposition.BUSY;
            // 480 nobody answered in time, 487 the caller gave up, 408 the devices never answered.
            case 480, 487, 408 -> CallDisposition.NO_ANSWER;
            default -> CallDisposition.FAILED;
        };
    }

    private String cause() {
        if (answeredAt != null) {
            return null;
        }
        if (last != null && last.outcome() == RoutingDecision.Outcome.REJECT && last.reject() != null) {
            String reason = last.reject().reason();
            return last.reject().cause().name() + (reason == null ? "" : ": " + reason);
        }
        return finalReason;
    }

    private String finalDestination() {
        if (answeredUser != null) {
            return answeredUser;
        }
        if (answeredNumber != null) {
            return answeredNumber;
        }
        if (media != null) {
            return media.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (media.extension() == null ? "" : " " + media.extension());
        }
        return null;
    }

    private CallType type() {
        String category = first == null ? null : first.destinationCategory();
        if ("EMERGENCY".equals(category) || (first != null && first.emergencyAreaCode() != null)) {
            return CallType.EMERGENCY;
        }
        if (fromTrunk() || answeredNumber != null || (category != null && !"INTERNAL".equals(category))) {
            return CallType.EXTERNAL;
        }
        return CallType.INTERNAL;
    }

    private boolean fromTrunk() {
        return setup.callerUser() == null && setup.callerChannel() == null;
    }

    private String trunk(Trunks trunks) {
        if (fromTrunk() && invite != null) {
            return trunks.inboundFrom(Registrar.sourceOf(invite)).map(Trunk::getName).orElse(null);
        }
        if (answeredNumber != null || type() != CallType.INTERNAL) {
            return trunks.outbound().map(Trunk::getName).orElse(null);
        }
        return null;
    }

    /** Who forwarded the call, as the Diversion of its first and of its last decision tell. */
    private String forwardedBy() {
        Set<String> by = new LinkedHashSet<>();
        for (RoutingDecision d : new RoutingDecision[] {first, last}) {
            String diversion = d == null || d.headers() == null ? null : d.headers().get("Diversion");
            if (diversion != null && diversion.startsWith("<sip:") && diversion.indexOf('>') > 5) {
                by.add(diversion.substring(5, diversion.indexOf('>')));
            }
        }
        return by.isEmpty() ? null : String.join(",", by);
    }

    private static String ruleIds(RoutingDecision d) {
        if (d.trace() == null) {
            return null;
        }
        return d.trace().stream().map(FiredRule::requirement).filter(id -> id != null && !id.isBlank()).distinct()
                .collect(Collectors.joining(","));
    }

    private static String trace(RoutingDecision d) {
        if (d.trace() == null || d.trace().isEmpty()) {
            return null;
        }
        return d.trace().stream()
                .map(f -> (f.requirement() == null ? "" : f.requirement() + " ") + f.rule()
                        + (f.detail() == null ? "" : ": " + f.detail()))
                .collect(Collectors.joining("\n"));
    }

    /** Whole seconds, rounded up: a call of 0.2 s answered is billed as one second. */
    private static long billable(Duration talk) {
        if (talk.isNegative() || talk.isZero()) {
            return 0;
        }
        long seconds = talk.toSeconds();
        return talk.minusSeconds(seconds).isZero() ? seconds : seconds + 1;
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
