package org.reachpbx.rules.decision;

import java.util.List;

/** Targets that ring together; the next step joins after {@code timeout} seconds (REACH-14). */
public record RingStep(List<RingTarget> targets, Integer timeout) {
}
