package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A number plan (NP-05, NP-06): which extension each of the schema's numbers goes to. */
@Entity
@Table(name = "number_plan", uniqueConstraints = @UniqueConstraint(name = "uk_number_plan_schema_number",
        columnNames = {"schema_id", "number"}))
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "entries"})
public class NumberPlan extends Persistent {
    @NotNull
    @Min(1)
    @Max(99)
    @Column(name = "number", nullable = false)
    private Integer number;

    @NotBlank
    @Size(max = 100)
    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @ElementCollection
    @CollectionTable(name = "number_plan_entry", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull NumberPlanEntry> entries = new ArrayList<>();
}
