package org.reachpbx.directory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** A contact of a call class: a name and a number in national format (e.g. a CRM "VIP customer"). */
@Embeddable
@Getter
@Setter
public class Contact {
    @Size(max = 100)
    @Column(name = "name", length = 100)
    private String name;
    @NotBlank
    @Pattern(regexp = "\\d{3,20}", message = "must be a phone number in national format, e.g. 0104567890 or 0049301234567")
    @Column(name = "number", nullable = false, length = 20)
    private String number;
}
