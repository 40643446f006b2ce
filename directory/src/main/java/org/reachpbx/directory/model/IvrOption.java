package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** One IVR option (IVR-03): the digits, a short display prefix and any existing extension. */
@Embeddable
@Getter
@Setter
@JsonPropertyOrder({"digits", "prefix", "destination"})
public class IvrOption {
    @NotBlank
    @Pattern(regexp = "\\d{1,6}", message = "must be 1 to 6 digits")
    @Column(name = "digits", nullable = false, length = 6)
    private String digits;
    @Size(max = 20)
    @Column(name = "prefix", length = 20)
    private String prefix;
    @NotBlank
    @Column(name = "destination", nullable = false, length = 5)
    private String destination;
}
