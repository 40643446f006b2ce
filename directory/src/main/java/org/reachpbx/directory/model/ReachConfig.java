package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

    /**
     * All profiles; the first is the default profile, which is always present and never inherits
     * (REACH-04). One list (rather than a separate link to the default profile) keeps the tables
     * free of a reference cycle, so Hibernate can order and batch the inserts of a large import.
     */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "reach_config_id", nullable = false, updatable = false)
    @OrderColumn(name = "position")
    @JsonIgnore
    private List<@Valid @NotNull ReachProfile> allProfiles = new ArrayList<>(List.of(new ReachProfile()));

    /** Statuses in configuration order: the first whose time configuration matches wins (REACH-07). */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "reach_config_id", nullable = false, updatable = false)
    @OrderColumn(name = "position")
    private List<@Valid @NotNull ReachStatus> statuses = new ArrayList<>();

    /** Call classes in configuration order (the last tie-breaker of REACH-05). */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "reach_config_id", nullable = false, updatable = false)
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

    /** The default profile: used when no matrix cell names another (REACH-02). */
    @JsonProperty("defaultProfile")
    public ReachProfile getDefaultProfile() {
        return allProfiles.get(0);
    }

    @JsonProperty("defaultProfile")
    public void setDefaultProfile(ReachProfile profile) {
        allProfiles.set(0, profile);
    }

    /** The custom profiles, each setting its own or inherited from the default profile (a copy). */
    @JsonProperty("profiles")
    public List<ReachProfile> getProfiles() {
        return List.copyOf(allProfiles.subList(1, allProfiles.size()));
    }

    @JsonProperty("profiles")
    public void setProfiles(List<ReachProfile> profiles) {
        allProfiles.subList(1, allProfiles.size()).clear();
        allProfiles.addAll(profiles);
    }

    public void addProfile(ReachProfile profile) {
        allProfiles.add(profile);
    }

    /** The override, or null when it forces nothing (an empty embeddable reads back as an empty object). */
    public ManualDeviceOverride getManualDeviceOverride() {
        if (manualDeviceOverride != null && manualDeviceOverride.getDevices().isEmpty()
                && manualDeviceOverride.getUntil() == null) {
            return null;
        }
        return manualDeviceOverride;
    }

}
