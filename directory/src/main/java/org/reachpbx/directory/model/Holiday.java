package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import lombok.Getter;
import lombok.Setter;

/**
 * A holiday entry (NP-12): from start to end (local time, end exclusive) the plan is active. 915
 * temporary changes are holiday entries marked {@code temporary}; they expire and are removed by
 * option 3 (NP-19, NP-21).
 */
@Embeddable
@Getter
@Setter
@JsonPropertyOrder({"description", "start", "end", "plan", "temporary"})
public class Holiday {
    @Size(max = 200)
    @Column(name = "description", length = 200)
    private String description;
    @NotNull
    @Column(name = "start_at", nullable = false)
    private LocalDateTime start;
    @NotNull
    @Column(name = "end_at", nullable = false)
    private LocalDateTime end;
    @NotNull
    @Column(name = "plan_number", nullable = false)
    private Integer plan;
    @Column(name = "temporary", nullable = false)
    private boolean temporary;
}
