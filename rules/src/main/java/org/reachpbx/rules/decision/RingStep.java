package org.reachpbx.rules.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Targets that ring together; the next step joins after {@code timeout}
 * seconds (REACH-14); no timeout on the last step: it rings until the no-answer timeout. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RingStep(List<RingTarget> targets, Integer timeout) {
}
