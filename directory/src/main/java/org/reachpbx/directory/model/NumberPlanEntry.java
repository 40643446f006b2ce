package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** Public number → extension, with the incoming-number prefix shown to the callee (NP-06). */
@Embeddable
@Getter
@Setter
@JsonPropertyOrder({"number", "extension", "prefix"})
public class NumberPlanEntry {
    @NotBlank
    @Column(name = "number", nullable = false, length = 20)
    private String number;
    @NotBlank
    @Column(name = "extension", nullable = false, length = 5)
    private String extension;
    @Size(max = 20)
    @Column(name = "prefix", length = 20)
    private String prefix;

    public void setNumber(String number) {
        this.number = PhoneNumbers.toE164(number);
    }
}
