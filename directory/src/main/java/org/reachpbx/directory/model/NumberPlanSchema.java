package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/**
 * A number plan schema (NP-01): its plans, one time configuration, one holiday table and an
 * optional manual override. Schema 1 is the main schema and cannot be deleted (NP-02); the active
 * plan is the manual override, else a holiday entry, else the time schedule (NP-10).
 */
@Entity
@Table(name = "number_plan_schema", uniqueConstraints = @UniqueConstraint(name = "uk_schema_tenant_number",
        columnNames = {"tenant_id", "number"}))
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "manualOverride", "plans", "schedule", "holidays"})
public class NumberPlanSchema extends Persistent {
    /** 1 = main schema; others numbered 2, 3, … and never reused (NP-03). */
    @NotNull
    @Min(1)
    @Max(99)
    @Column(name = "number", nullable = false)
    private Integer number;

    @NotBlank
    @Size(max = 100)
    @Column(name = "name", nullable = false, length = 100)
    private String name;

    /** Number of the plan forced by hand; empty = off (NP-16). */
    @Column(name = "manual_override")
    private Integer manualOverride;

    /** At most 99 plans, numbered 1–99 (NP-05). */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "schema_id", nullable = false, updatable = false)
    @OrderBy("number")
    private List<@Valid @NotNull NumberPlan> plans = new ArrayList<>();

    /** Time configuration entries, each activating a plan (NP-13). */
    @ElementCollection
    @CollectionTable(name = "number_plan_schedule", joinColumns = @JoinColumn(name = "schema_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull ScheduleEntry> schedule = new ArrayList<>();

    /** Holiday table, including 915 temporary changes (NP-12, NP-19). */
    @ElementCollection
    @CollectionTable(name = "number_plan_holiday", joinColumns = @JoinColumn(name = "schema_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull Holiday> holidays = new ArrayList<>();

    public java.util.Optional<NumberPlan> plan(Integer planNumber) {
        return plans.stream().filter(p -> p.getNumber() != null && p.getNumber().equals(planNumber)).findFirst();
    }
}
