package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * One LBR entry: what to match (an area code, a 4-digit postal code, a caller-number pattern with a
 * trailing % or * wildcard, or a called number), the display prefix and the destination.
 */
@Embeddable
@Getter
@Setter
@JsonPropertyOrder({"match", "prefix", "destination"})
public class LbrEntry {
    @NotBlank
    @Size(max = 20)
    @Column(name = "match_value", nullable = false, length = 20)
    private String match;
    @Size(max = 20)
    @Column(name = "prefix", length = 20)
    private String prefix;
    @NotBlank
    @Size(max = 20)
    @Column(name = "destination", nullable = false, length = 20)
    private String destination;
}
