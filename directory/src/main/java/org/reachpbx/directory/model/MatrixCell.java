package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import lombok.Getter;
import lombok.Setter;

/** One cell of the REACH matrix: calls of this class during this status use this profile. */
@Embeddable
@Getter
@Setter
@JsonPropertyOrder({"callClass", "status", "profile"})
public class MatrixCell {
    @NotBlank
    @Column(name = "call_class", nullable = false, length = 100)
    private String callClass;
    /** Empty = the class's no-status cell, used when no status is active (REACH-07). */
    @Column(name = "status", length = 100)
    private String status;
    @NotBlank
    @Column(name = "profile", nullable = false, length = 100)
    private String profile;
}
