package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A privacy group: its members hold the flagged rights over each target row (PRV-01, PRV-02). */
@Entity
@Table(name = "privacy_group", uniqueConstraints = @UniqueConstraint(name = "uk_privacy_group_tenant_name",
        columnNames = {"tenant_id", "name"}))
@Getter
@Setter
@JsonPropertyOrder({"name", "description", "members", "rights"})
public class PrivacyGroup extends Persistent {
    @NotBlank
    @Size(max = 100)
    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Size(max = 255)
    @Column(name = "description")
    private String description;

    /** User extensions that hold the rights. */
    @ElementCollection
    @CollectionTable(name = "privacy_group_member", joinColumns = @JoinColumn(name = "privacy_group_id"))
    @OrderColumn(name = "position")
    @Column(name = "member", nullable = false, length = 5)
    private List<@NotNull String> members = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "privacy_right", joinColumns = @JoinColumn(name = "privacy_group_id"))
    @OrderColumn(name = "position")
    private List<@Valid @NotNull PrivacyRight> rights = new ArrayList<>();
}
