package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;

/** A time configuration entry: a weekly window that activates a plan (NP-13). */
@Embeddable
@Getter
@Setter
@JsonPropertyOrder({"days", "fromDay", "from", "toDay", "to", "plan"})
public class ScheduleEntry {
    @Embedded
    @Valid
    @NotNull
    @JsonUnwrapped
    private WeeklyWindow window = new WeeklyWindow();

    @NotNull
    @Column(name = "plan_number", nullable = false)
    private Integer plan;
}
