package org.reachpbx.rules.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Play {@code prompt} (after {@code ringbackCycles} ringback cycles), collect up to
 * {@code maxDigits} digits, then decide again with {@code resumeAt} and the digits keyed. When
 * nothing usable is keyed within {@code timeout} seconds, {@code fallback} applies. {@code choices}
 * lists the valid inputs when they are known (IVR options): collection stops at an input that
 * matches a choice no other choice extends (IVR-04). {@code displayPrefix} is the route prefix the
 * call has here; pass it back with the digits so later prefixes are added in front of it (IVR-07).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Collect(String resumeAt, String prompt, int maxDigits, int ringbackCycles, Integer timeout,
                      List<String> choices, RoutingDecision fallback, String displayPrefix) {
}
