package org.reachpbx.directory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import lombok.Getter;
import lombok.Setter;

/** A dynamic caller-ID code: #30# or #32#–#39# → one of the account's numbers (REACH-18). */
@Embeddable
@Getter
@Setter
public class DynamicCallerId {
    @NotBlank
    @Pattern(regexp = "#3[02-9]#", message = "must be #30# or #32# to #39# (#31# is reserved for anonymous calls)")
    @Column(name = "code", nullable = false, length = 4)
    private String code;
    @NotBlank
    @Column(name = "caller_id", nullable = false, length = 20)
    private String callerId;

    public void setCallerId(String number) {
        this.callerId = PhoneNumbers.toE164(number);
    }
}
