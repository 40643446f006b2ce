package org.reachpbx.ui.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.reachpbx.rules.decision.Collect;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.Presentation;
import org.reachpbx.rules.decision.RingStep;
import org.reachpbx.rules.decision.RingTarget;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.ui.i18n.ConstantLabels;
import org.reachpbx.ui.i18n.UiTexts;

/**
 * A routing decision in plain words (English or Dutch, keys {@code sim.text.*} in
 * {@code texts/reach_*.properties}), one line per fact: who rings in which order and for how
 * long, what happens on busy, no answer or unreachable, the caller ID and the SIP headers. Lines of
 * a follow-up decision (on busy, ...) are indented.
 */
public final class DecisionText {

    private static final String INDENT = "    ";

    private DecisionText() {
    }

    /** A translation: key and parameters to text (the UI's {@code getTranslation}). */
    @FunctionalInterface
    public interface Texts {
        String get(String key, Object... params);
    }

    /** The texts of one language from the UI's bundles. */
    public static Texts in(Locale locale) {
        UiTexts texts = new UiTexts();
        return (key, params) -> texts.getTranslation(key, locale, params);
    }

    /** In English. */
    public static List<String> lines(RoutingDecision decision) {
        return lines(decision, in(Locale.ENGLISH));
    }

    public static List<String> lines(RoutingDecision decision, Texts t) {
        List<String> out = new ArrayList<>();
        describe(decision, "", out, t);
        return out;
    }

    /** The outcome in one line in English, e.g. "Ring", "Reject: 486 Busy Here (user busy)". */
    public static String outcome(RoutingDecision d) {
        return outcome(d, in(Locale.ENGLISH));
    }

    public static String outcome(RoutingDecision d, Texts t) {
        if (d == null || d.outcome() == null) {
            return t.get("sim.text.noDecision");
        }
        return switch (d.outcome()) {
            case RING -> t.get("sim.text.ring");
            case REJECT -> d.reject() == null ? t.get("sim.text.reject")
                    : t.get("sim.text.rejectSip", String.valueOf(d.reject().sipStatus()), cause(d.reject().cause(), t))
                    + (d.reject().reason() == null ? "" : " – " + org.reachpbx.ui.i18n.RuleDetails.inText(d.reject().reason(), k -> t.get(k)));
            case MEDIA -> t.get("sim.text.media", media(d.media(), t));
            case COLLECT -> t.get("sim.text.collect");
        };
    }

    private static void describe(RoutingDecision d, String indent, List<String> out, Texts t) {
        if (d == null) {
            return;
        }
        out.add(indent + t.get("sim.text.outcome", outcome(d, t)));
        if (d.destinationCategory() != null) {
            out.add(indent + t.get("sim.text.category", ConstantLabels.label(d.destinationCategory(), k -> t.get(k)))
                    + (d.dialledNumber() == null ? "" : " " + t.get("sim.text.number", d.dialledNumber())));
        }
        List<RingStep> ring = d.ring() == null ? List.of() : d.ring();
        for (int i = 0; i < ring.size(); i++) {
            RingStep step = ring.get(i);
            out.add(indent + t.get("sim.text.step", String.valueOf(i + 1), targets(step.targets(), t))
                    + (step.timeout() == null ? "" : " " + t.get("sim.text.for", String.valueOf(step.timeout()))));
            for (RingTarget target : step.targets()) {
                if (target.kind() == RingTarget.Kind.LEG && target.leg() != null) {
                    out.add(indent + INDENT + t.get("sim.text.leg", target.user()));
                    describe(target.leg(), indent + INDENT + INDENT, out, t);
                }
            }
        }
        if (d.noAnswerTimeout() != null) {
            out.add(indent + t.get("sim.text.noAnswerAfter", String.valueOf(d.noAnswerTimeout())));
        }
        collect(d.collect(), indent, out, t);
        presentation(d.presentation(), indent, out, t);
        if (d.headers() != null && !d.headers().isEmpty()) {
            out.add(indent + t.get("sim.text.headers", headers(d.headers())));
        }
        if (d.emergencyAreaCode() != null) {
            out.add(indent + t.get("sim.text.emergencyAreaCode", d.emergencyAreaCode()));
        }
        follow(t.get("sim.text.onBusy"), d.onBusy(), indent, out, t);
        follow(t.get("sim.text.onNoAnswer"), d.onNoAnswer(), indent, out, t);
        follow(t.get("sim.text.onUnreachable"), d.onUnreachable(), indent, out, t);
        if (d.warnings() != null) {
            d.warnings().forEach(w -> out.add(indent + t.get("sim.text.warning", org.reachpbx.ui.i18n.RuleDetails.inText(w, k -> t.get(k)))));
        }
    }

    private static void follow(String label, RoutingDecision next, String indent, List<String> out, Texts t) {
        if (next != null) {
            out.add(indent + label + ":");
            describe(next, indent + INDENT, out, t);
        }
    }

    private static void collect(Collect c, String indent, List<String> out, Texts t) {
        if (c != null) {
            out.add(indent + t.get("sim.text.prompt", c.prompt(), String.valueOf(c.maxDigits()))
                    + (c.choices() == null || c.choices().isEmpty() ? ""
                    : ", " + t.get("sim.text.choices", String.join(" ", c.choices())))
                    + (c.timeout() == null ? "" : ", " + t.get("sim.text.waits", String.valueOf(c.timeout())))
                    + "; " + t.get("sim.text.resumeAt", c.resumeAt()));
            if (c.fallback() != null) {
                out.add(indent + t.get("sim.text.withoutChoice"));
                describe(c.fallback(), indent + INDENT, out, t);
            }
        }
    }

    private static void presentation(Presentation p, String indent, List<String> out, Texts t) {
        if (p != null) {
            out.add(indent + t.get("sim.text.callerId", p.anonymous() ? t.get("sim.text.anonymous") : p.callerId())
                    + (p.displayName() == null ? "" : " \"" + p.displayName() + "\""));
        }
    }

    private static String targets(List<RingTarget> targets, Texts t) {
        return targets.stream().map(x -> target(x, t)).collect(Collectors.joining(" + "));
    }

    private static String target(RingTarget r, Texts t) {
        return switch (r.kind()) {
            case DEVICE -> t.get("sim.text.device", r.user(), r.device())
                    + (r.channel() == null ? "" : " " + t.get("sim.text.channel", r.channel()))
                    + (r.number() == null ? "" : " " + t.get("sim.text.mobile", r.number()));
            case EXTERNAL -> t.get("sim.text.external", r.number());
            case LEG -> t.get("sim.text.ownRouting", r.user());
        };
    }

    private static String media(MediaService m, Texts t) {
        if (m == null) {
            return "";
        }
        return (m.kind() == null ? "" : t.get("sim.mediaKind." + m.kind().name())) + (m.extension() == null ? "" : " " + t.get("sim.text.ofExtension", m.extension()))
                + (m.code() == null ? "" : " " + t.get("sim.text.code", m.code()));
    }

    private static String cause(org.reachpbx.rules.decision.RejectCause cause, Texts t) {
        return cause == null ? "" : t.get("sim.cause." + cause.name());
    }

    private static String headers(Map<String, String> headers) {
        return headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
