package org.reachpbx.server.sip.b2bua;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.reachpbx.directory.calls.CallLegRecord;
import org.reachpbx.directory.calls.CallLegRecord.Kind;
import org.reachpbx.directory.calls.CallLegRecord.Outcome;
import org.reachpbx.rules.decision.RingStep;
import org.reachpbx.rules.decision.RingTarget;
import org.reachpbx.rules.decision.RoutingDecision;

/**
 * The segments of one call for its leg records (issue 17): every decision {@link B2bCall} executes
 * opens a segment, and how the previous one ended follows from which of its continuations the next
 * decision is (its busy, no-answer or unreachable continuation, a menu's failover) — so B2bCall
 * only says "this decision runs now". The last segment is closed by {@link EndedCall}, which knows
 * how the call ended. Used under B2bCall's lock only.
 */
final class CallLegs {

    /** One segment: the decision, when it started, and how it ended once the next one started. */
    record Segment(RoutingDecision decision, Instant startedAt, Outcome outcome, Instant endedAt) {
    }

    private final List<Segment> segments = new ArrayList<>();

    /** Decision {@code d} runs now; {@code previousBusy}: the running segment's devices answered busy. */
    void next(RoutingDecision d, boolean previousBusy, Instant now) {
        if (!segments.isEmpty()) {
            Segment last = segments.get(segments.size() - 1);
            segments.set(segments.size() - 1,
                    new Segment(last.decision(), last.startedAt(), endedBy(last.decision(), d, previousBusy), now));
        }
        segments.add(new Segment(d, now, null, null));
    }

    List<Segment> segments() {
        return List.copyOf(segments);
    }

    /** How segment {@code was} ended, given that {@code next} follows it. */
    static Outcome endedBy(RoutingDecision was, RoutingDecision next, boolean busy) {
        if (was.outcome() == RoutingDecision.Outcome.COLLECT) {
            return was.collect() != null && next == was.collect().fallback() ? Outcome.TIMED_OUT : Outcome.CHOSEN;
        }
        if (next == was.onBusy() && busy) {
            return Outcome.BUSY;
        }
        if (next == was.onUnreachable()) {
            return Outcome.UNREACHABLE;
        }
        if (next == was.onNoAnswer()) {
            return Outcome.NO_ANSWER;
        }
        if (next == was.onBusy()) {
            return Outcome.BUSY;
        }
        // Neither continuation: the service handed the call on, or the called party transferred it.
        return was.outcome() == RoutingDecision.Outcome.MEDIA && was.media() != null
                && was.media().kind() != org.reachpbx.rules.decision.MediaService.Kind.AI
                ? Outcome.CHOSEN : Outcome.TRANSFERRED;
    }

    /** The leg record of a segment; {@code outcome}, {@code answeredBy} and {@code endedAt} when it is the last. */
    static CallLegRecord record(Segment s, Outcome outcome, String answeredBy, Instant answeredAt, Instant endedAt) {
        RoutingDecision d = s.decision();
        CallLegRecord leg = new CallLegRecord();
        leg.setKind(Kind.valueOf(d.outcome().name()));
        leg.setTarget(cut(target(d), 255));
        leg.setForwardedBy(cut(diversion(d), 64));
        leg.setOutcome(s.outcome() != null ? s.outcome() : outcome);
        leg.setStartedAt(s.startedAt());
        leg.setEndedAt(s.endedAt() != null ? s.endedAt() : endedAt);
        if (leg.getOutcome() == Outcome.ANSWERED) {
            leg.setAnsweredBy(cut(answeredBy, 64));
            leg.setAnsweredAt(answeredAt);
        }
        return leg;
    }

    /** What the segment rang or ran: "201,0612345678", "voicemail 570", "menu ivr-main", "BARRED". */
    static String target(RoutingDecision d) {
        return switch (d.outcome()) {
            case RING -> {
                Set<String> targets = new LinkedHashSet<>();
                for (RingStep step : d.ring() == null ? List.<RingStep>of() : d.ring()) {
                    for (RingTarget t : step.targets()) {
                        addTarget(targets, t);
                    }
                }
                yield targets.isEmpty() ? null : String.join(",", targets);
            }
            case MEDIA -> d.media() == null ? null : d.media().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (d.media().extension() == null ? "" : " " + d.media().extension());
            case COLLECT -> d.collect() == null ? null : "menu " + d.collect().resumeAt();
            case REJECT -> d.reject() == null ? null : d.reject().cause().name();
        };
    }

    private static void addTarget(Set<String> targets, RingTarget t) {
        switch (t.kind()) {
            case DEVICE -> targets.add(t.user());
            case EXTERNAL -> targets.add(t.number());
            case LEG -> {
                if (t.leg() != null && t.leg().ring() != null) {
                    for (RingStep s : t.leg().ring()) {
                        s.targets().forEach(inner -> addTarget(targets, inner));
                    }
                }
            }
        }
    }

    /** The extension or number in the decision's Diversion header, if it forwards. */
    static String diversion(RoutingDecision d) {
        String diversion = d.headers() == null ? null : d.headers().get("Diversion");
        if (diversion != null && diversion.startsWith("<sip:") && diversion.indexOf('>') > 5) {
            String uri = diversion.substring(5, diversion.indexOf('>'));
            int at = uri.indexOf('@');
            return at > 0 ? uri.substring(0, at) : uri;
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
