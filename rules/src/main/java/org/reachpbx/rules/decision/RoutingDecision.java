package org.reachpbx.rules.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What to do with one call attempt; data only, executed by the B2BUA. Exactly one of
 * {@code reject}, {@code ring}, {@code media} and {@code collect} is set, as {@code outcome} says.
 * A ring decision carries what to do next on busy, on no answer after {@code noAnswerTimeout}
 * seconds (null = ring until the caller hangs up), and when no target can be reached.
 * {@code trace} lists the rules that fired, each with its FEATURES.md requirement ID; it is set on
 * the top-level decision only, and so is {@code countsAgainst}: the call-limit extensions whose
 * within-limit destination this call takes, so the B2BUA counts it there while it rings or is up
 * (CLX-02).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RoutingDecision(Outcome outcome, Reject reject, List<RingStep> ring, Integer noAnswerTimeout,
                              RoutingDecision onBusy, RoutingDecision onNoAnswer, RoutingDecision onUnreachable,
                              MediaService media, Collect collect, Presentation presentation,
                              Map<String, String> headers, String destinationCategory, String dialledNumber,
                              String emergencyAreaCode, List<FiredRule> trace, List<String> warnings,
                              List<String> countsAgainst) {

    public enum Outcome { RING, REJECT, MEDIA, COLLECT }
}
