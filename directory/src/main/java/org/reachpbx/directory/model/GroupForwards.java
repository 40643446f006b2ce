package org.reachpbx.directory.model;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * One set of group forwards (GRP-04): forward always, on busy and on no answer, each a
 * ';'-separated list of numbers called in parallel (GRP-06), plus the no-answer timeout. A group
 * has one set for internal callers and one for external callers; the external set accepts
 * external numbers only (GRP-05).
 */
@Embeddable
@Getter
@Setter
public class GroupForwards {
    @Size(max = 255)
    private String always;
    @Size(max = 255)
    private String onBusy;
    @Size(max = 255)
    private String onNoAnswer;
    @Min(5)
    @Max(300)
    private int noAnswerTimeout = 20;
}
