package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.BarringCategory;

/**
 * A user's REACH configuration (REACH-02): profiles, statuses, call classes and the matrix that
 * picks a profile per call class and status, plus the user's own barring and dynamic caller IDs.
 * It is its own entity so it can be reassigned to another user (REACH-21).
 */
@Entity
@Table(name = "reach_config")
@Getter
@Setter
@JsonPropertyOrder({"defaultProfile", "profiles", "statuses", "callClasses", "matrix", "dynamicCallerIds",
        "callBarring", "manualStatus", "roamingStatus", "manualDeviceOverride"})
public class ReachConfig extends Persistent {

    /** The default profile: always present, never inherits (REACH-04). */
    @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true, optional = false)
    @JoinColumn(name = "default_profile_id", nullable = false)
    @Valid
    @NotNull
    private ReachProfile defaultProfile = new ReachProfile();

    /** Custom profiles, each setting either its own or inherited from the default profile. */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "reach_config_id")
    @OrderColumn(name = "position")
    private List<@Valid @NotNull ReachProfile> profiles = new ArrayList<>();

    /** Statuses in configuration order: the first whose time configuration matches wins (REACH-07). */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "reach_config_id", nullable = false)
    @OrderColumn(name = "position")
    private List<@Valid @NotNull ReachStatus> statuses = new ArrayList<>();

    /** Call classes in configuration order (the last tie-breaker of REACH-05). */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "reach_config_id", nullable = false)
    @OrderColumn(name = "position")
    private List<@Valid @NotNull CallClass> callClasses = new ArrayList<>();

    /** Call class × status → profile; an empty cell means the default profile (REACH-02). */
    @ElementCollection
    @CollectionTable(name = "reach_matrix_cell", joinColumns = @JoinColumn(name = "reach_config_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull MatrixCell> matrix = new ArrayList<>();

    /** #30# and #32#–#39#, each mapped to one caller ID (REACH-18). */
    @ElementCollection
    @CollectionTable(name = "reach_dynamic_caller_id", joinColumns = @JoinColumn(name = "reach_config_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull DynamicCallerId> dynamicCallerIds = new ArrayList<>();

    /** Categories this user may not call, on top of the account's (CB-02). */
    @ElementCollection
    @CollectionTable(name = "reach_call_barring", joinColumns = @JoinColumn(name = "reach_config_id"))
    @OrderColumn(name = "position")
    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 40)
    private List<@NotNull BarringCategory> callBarring = new ArrayList<>();

    /** A status set by hand, optionally until a local date-time (REACH-08). */
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "status", column = @Column(name = "manual_status", length = 100)),
            @AttributeOverride(name = "until", column = @Column(name = "manual_status_until"))})
    @Valid
    private ManualStatus manualStatus;

    /** The status used while the user's mobile roams abroad (REACH-09). */
    @Size(max = 100)
    @Column(name = "roaming_status", length = 100)
    private String roamingStatus;

    /** Devices forced on until a local date-time, replacing the profile's selection (REACH-15). */
    @Valid
    @Embedded
    private ManualDeviceOverride manualDeviceOverride;

    /** Looks up a profile by name, the default profile included. */
    public java.util.Optional<ReachProfile> profile(String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        if (name.equals(defaultProfile.getName())) {
            return java.util.Optional.of(defaultProfile);
        }
        return profiles.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    /** The override, or null when it forces nothing (an empty embeddable reads back as an empty object). */
    public ManualDeviceOverride getManualDeviceOverride() {
        if (manualDeviceOverride != null && manualDeviceOverride.getDevices().isEmpty()
                && manualDeviceOverride.getUntil() == null) {
            return null;
        }
        return manualDeviceOverride;
    }

    /** Manual status end, when set; convenience for callers. */
    public LocalDateTime manualStatusUntil() {
        return manualStatus == null ? null : manualStatus.getUntil();
    }
}
