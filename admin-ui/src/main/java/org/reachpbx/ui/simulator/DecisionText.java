package org.reachpbx.ui.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reachpbx.rules.decision.Collect;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.Presentation;
import org.reachpbx.rules.decision.RingStep;
import org.reachpbx.rules.decision.RingTarget;
import org.reachpbx.rules.decision.RoutingDecision;

/**
 * A routing decision in plain English, one line per fact: who rings in which order and for how
 * long, what happens on busy, no answer or unreachable, the caller ID and the SIP headers. Lines of
 * a follow-up decision (on busy, ...) are indented.
 */
public final class DecisionText {

    private static final String INDENT = "    ";

    private DecisionText() {
    }

    public static List<String> lines(RoutingDecision decision) {
        List<String> out = new ArrayList<>();
        describe(decision, "", out);
        return out;
    }

    /** The outcome in one line, e.g. "Ring", "Reject: 486 Busy Here (user busy)". */
    public static String outcome(RoutingDecision d) {
        if (d == null || d.outcome() == null) {
            return "No decision";
        }
        return switch (d.outcome()) {
            case RING -> "Ring";
            case REJECT -> d.reject() == null ? "Reject"
                    : "Reject: SIP " + d.reject().sipStatus() + " (" + d.reject().cause() + ")"
                    + (d.reject().reason() == null ? "" : " – " + d.reject().reason());
            case MEDIA -> "Media service: " + media(d.media());
            case COLLECT -> "Play a prompt and collect digits";
        };
    }

    private static void describe(RoutingDecision d, String indent, List<String> out) {
        if (d == null) {
            return;
        }
        out.add(indent + "Outcome: " + outcome(d));
        if (d.destinationCategory() != null) {
            out.add(indent + "Destination category: " + d.destinationCategory()
                    + (d.dialledNumber() == null ? "" : " (number " + d.dialledNumber() + ")"));
        }
        List<RingStep> ring = d.ring() == null ? List.of() : d.ring();
        for (int i = 0; i < ring.size(); i++) {
            RingStep step = ring.get(i);
            out.add(indent + "Step " + (i + 1) + ": ring " + targets(step.targets())
                    + (step.timeout() == null ? "" : " for " + step.timeout() + " s"));
            for (RingTarget t : step.targets()) {
                if (t.kind() == RingTarget.Kind.LEG && t.leg() != null) {
                    out.add(indent + INDENT + "Leg of " + t.user() + ":");
                    describe(t.leg(), indent + INDENT + INDENT, out);
                }
            }
        }
        if (d.noAnswerTimeout() != null) {
            out.add(indent + "No answer after " + d.noAnswerTimeout() + " s");
        }
        collect(d.collect(), indent, out);
        presentation(d.presentation(), indent, out);
        if (d.headers() != null && !d.headers().isEmpty()) {
            out.add(indent + "SIP headers: " + headers(d.headers()));
        }
        if (d.emergencyAreaCode() != null) {
            out.add(indent + "Emergency area code: " + d.emergencyAreaCode());
        }
        follow("On busy", d.onBusy(), indent, out);
        follow("On no answer", d.onNoAnswer(), indent, out);
        follow("On unreachable", d.onUnreachable(), indent, out);
        if (d.warnings() != null) {
            d.warnings().forEach(w -> out.add(indent + "Warning: " + w));
        }
    }

    private static void follow(String label, RoutingDecision next, String indent, List<String> out) {
        if (next != null) {
            out.add(indent + label + ":");
            describe(next, indent + INDENT, out);
        }
    }

    private static void collect(Collect c, String indent, List<String> out) {
        if (c != null) {
            out.add(indent + "Prompt " + c.prompt() + ", up to " + c.maxDigits() + " digit(s)"
                    + (c.choices() == null || c.choices().isEmpty() ? "" : ", choices " + String.join(" ", c.choices()))
                    + (c.timeout() == null ? "" : ", waits " + c.timeout() + " s")
                    + "; continues at extension " + c.resumeAt());
            if (c.fallback() != null) {
                out.add(indent + "Without a choice:");
                describe(c.fallback(), indent + INDENT, out);
            }
        }
    }

    private static void presentation(Presentation p, String indent, List<String> out) {
        if (p != null) {
            out.add(indent + "Caller ID shown: " + (p.anonymous() ? "anonymous" : p.callerId())
                    + (p.displayName() == null ? "" : " \"" + p.displayName() + "\""));
        }
    }

    private static String targets(List<RingTarget> targets) {
        return targets.stream().map(DecisionText::target).collect(Collectors.joining(" + "));
    }

    private static String target(RingTarget t) {
        return switch (t.kind()) {
            case DEVICE -> "user " + t.user() + " device " + t.device()
                    + (t.channel() == null ? "" : " (channel " + t.channel() + ")")
                    + (t.number() == null ? "" : " (mobile " + t.number() + ")");
            case EXTERNAL -> "external number " + t.number();
            case LEG -> "the own routing of user " + t.user();
        };
    }

    private static String media(MediaService m) {
        if (m == null) {
            return "";
        }
        return m.kind() + (m.extension() == null ? "" : " of extension " + m.extension())
                + (m.code() == null ? "" : " (code " + m.code() + ")");
    }

    private static String headers(Map<String, String> headers) {
        return headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
