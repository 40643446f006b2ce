package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * One allowlist entry (IPL-03): a single IPv4 address ({@code to} empty) or a range of at most 256
 * addresses inside one x.x.x.0–255 block. The range rules are checked by the tenant validator.
 */
@Embeddable
@Getter
@Setter
public class IpAllowEntry {
    @NotBlank
    @Column(name = "address_from", nullable = false, length = 15)
    private String from;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Column(name = "address_to", length = 15)
    private String to;
    @Size(max = 200)
    @Column(name = "description", length = 200)
    private String description;
}
