package org.reachpbx.rules.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Play {@code prompt} (after {@code ringbackCycles} ringback cycles), collect up to
 * {@code maxDigits} digits, then decide again with {@code resumeAt} and the digits keyed. When
 * nothing usable is keyed within {@code timeout} seconds, {@code fallback} applies.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Collect(String resumeAt, String prompt, int maxDigits, int ringbackCycles, Integer timeout,
                      RoutingDecision fallback) {
}
