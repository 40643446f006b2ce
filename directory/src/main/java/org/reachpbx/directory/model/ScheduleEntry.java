package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;

/** A time configuration entry: a weekly window that activates a plan (NP-13). */
@Embeddable
@Getter
@Setter
@JsonPropertyOrder({"days", "fromDay", "from", "toDay", "to", "plan"})
public class ScheduleEntry extends WeeklyWindow {
    @NotNull
    @Column(name = "plan_number", nullable = false)
    private Integer plan;
}
