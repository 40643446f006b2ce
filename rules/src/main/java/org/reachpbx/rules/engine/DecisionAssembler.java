package org.reachpbx.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reachpbx.rules.decision.Collect;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.decision.Presentation;
import org.reachpbx.rules.decision.Reject;
import org.reachpbx.rules.decision.RejectCause;
import org.reachpbx.rules.decision.RingStep;
import org.reachpbx.rules.decision.RingTarget;
import org.reachpbx.rules.decision.RoutingDecision;

/** Turns the per-hop results the rules recorded into one nested {@link RoutingDecision}. */
final class DecisionAssembler {
    private final Routing routing;
    private final Call call;

    DecisionAssembler(Routing routing, Call call) {
        this.routing = routing;
        this.call = call;
    }

    RoutingDecision assemble(List<FiredRule> trace) {
        Hop root = routing.root();
        RoutingDecision d = root == null
                ? reject(RejectCause.NOT_FOUND, "no rule routed this call", Map.of(), defaultPresentation(null))
                : decide(root);
        return new RoutingDecision(d.outcome(), d.reject(), d.ring(), d.noAnswerTimeout(), d.onBusy(), d.onNoAnswer(),
                d.onUnreachable(), d.media(), d.collect(), d.presentation(), d.headers(),
                routing.destinationCategory(), routing.dialledNumber(), routing.emergencyAreaCodeValue(), trace,
                List.copyOf(routing.warnings()), List.copyOf(routing.callLimitsCounted()));
    }

    private RoutingDecision decide(Hop hop) {
        if (hop == null) {
            return null;
        }
        HopResult r = routing.resultOf(hop);
        Map<String, String> headers = new LinkedHashMap<>();
        if (hop.getReason().isForward() && hop.getForwardedBy() != null) {
            headers.put("Diversion", "<sip:" + hop.getForwardedBy() + ">;reason=" + hop.getReason().diversionReason());
        }
        if (r != null) {
            headers.putAll(r.headers);
        }
        Presentation presentation = r != null && r.presentation != null ? r.presentation : defaultPresentation(hop);
        if (r == null || r.kind == null) {
            routing.warn("nothing decided for " + hop + "; the call is released");
            return reject(RejectCause.RELEASED, "no destination for " + hop.getDestination(), headers, presentation);
        }
        switch (r.kind) {
            case FORWARD: {
                RoutingDecision next = decide(r.next);
                if (headers.isEmpty()) {
                    return next;
                }
                Map<String, String> merged = new LinkedHashMap<>(headers);
                if (next.headers() != null) {
                    merged.putAll(next.headers());
                }
                return with(next, merged);
            }
            case REJECT:
                return new RoutingDecision(RoutingDecision.Outcome.REJECT, r.reject, null, null, null, null, null, null,
                        null, presentation, headers, null, null, null, null, null, null);
            case MEDIA:
                return new RoutingDecision(RoutingDecision.Outcome.MEDIA, null, null, null, null, null, null, r.media,
                        null, presentation, headers, null, null, null, null, null, null);
            case COLLECT:
                return new RoutingDecision(RoutingDecision.Outcome.COLLECT, null, null, null, null, null, null, null,
                        new Collect(hop.getExtension() == null ? null : hop.getExtension().number(), r.collectPrompt,
                                r.collectDigits, r.ringbackCycles, r.collectTimeout, r.choices, decide(r.collectFallback),
                                hop.getDisplayPrefix()),
                        presentation, headers, null, null, null, null, null, null);
            case RING:
            default:
                List<RingStep> steps = new ArrayList<>();
                for (int i = 0; i < r.steps.size(); i++) {
                    List<RingTarget> targets = new ArrayList<>();
                    for (HopResult.Target t : r.steps.get(i)) {
                        if (t.leg() != null) {
                            targets.add(RingTarget.leg(t.leg().getDestination(), decide(t.leg())));
                        } else if (t.user() == null) {
                            targets.add(RingTarget.external(t.number()));
                        } else {
                            targets.add(RingTarget.device(t.user(), t.device(), t.channel(), t.number()));
                        }
                    }
                    steps.add(new RingStep(targets, r.stepTimeouts.get(i)));
                }
                return new RoutingDecision(RoutingDecision.Outcome.RING, null, steps, r.noAnswerTimeout,
                        decide(r.onBusy), decide(r.onNoAnswer), decide(r.onUnreachable), null, null, presentation,
                        headers, null, null, null, null, null, null);
        }
    }

    private static RoutingDecision with(RoutingDecision d, Map<String, String> headers) {
        return new RoutingDecision(d.outcome(), d.reject(), d.ring(), d.noAnswerTimeout(), d.onBusy(), d.onNoAnswer(),
                d.onUnreachable(), d.media(), d.collect(), d.presentation(), headers, d.destinationCategory(),
                d.dialledNumber(), d.emergencyAreaCode(), d.trace(), d.warnings(), d.countsAgainst());
    }

    private static RoutingDecision reject(RejectCause cause, String reason, Map<String, String> headers,
                                          Presentation presentation) {
        return new RoutingDecision(RoutingDecision.Outcome.REJECT, Reject.of(cause, reason), null, null, null, null,
                null, null, null, presentation, headers, null, null, null, null, null, null);
    }

    /**
     * What the called party sees unless a rule says otherwise: an internal caller's extension
     * (REACH-16), or the caller's number with the route prefixes in front in the display name (IVR-07).
     */
    private Presentation defaultPresentation(Hop hop) {
        String prefix = hop == null ? null : hop.getDisplayPrefix();
        if (call.isInternalCaller()) {
            String ext = call.getCallerExtension();
            return new Presentation(ext, join(prefix, ext), false);
        }
        if (call.isAnonymous()) {
            return new Presentation(null, join(prefix, "anonymous"), true);
        }
        return new Presentation(call.getCallerNumber(), join(prefix, call.getCallerNumber()), false);
    }

    private static String join(String prefix, String what) {
        if (prefix == null) {
            return what;
        }
        return what == null ? prefix : prefix + " " + what;
    }
}
