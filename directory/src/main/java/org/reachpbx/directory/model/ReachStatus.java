package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.Presence;

/** A REACH status (e.g. Day, Evening) with its time configuration and published presence (REACH-07, REACH-17). */
@Entity
@Table(name = "reach_status")
@Getter
@Setter
@JsonPropertyOrder({"name", "presence", "times"})
public class ReachStatus extends Persistent {
    @NotBlank
    @Size(max = 100)
    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "presence", nullable = false, length = 10)
    private Presence presence = Presence.AUTOMATIC;

    /** When the status is active on its own; empty = only by manual or roaming status. */
    @ElementCollection
    @CollectionTable(name = "reach_status_window", joinColumns = @JoinColumn(name = "status_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull TimeWindow> times = new ArrayList<>();
}
