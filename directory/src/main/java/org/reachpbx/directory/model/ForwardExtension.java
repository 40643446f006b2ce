package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.*;

/** Connects to an external number; can be a queue agent (FWD-01, FWD-02). */
@Entity
@Table(name = "ext_forward")
@DiscriminatorValue("FORWARD")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "destination", "callerId", "callerIdNumber"})
public class ForwardExtension extends Extension {
    @NotBlank
    @Pattern(regexp = Patterns.DIALLED_NUMBER, message = "must be an external phone number")
    @Column(name = "destination", nullable = false, length = 20)
    private String destination;

    /** ORIGINAL_CALLER, CALLED_NUMBER or SPECIFIC_NUMBER (an account number). */
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "caller_id", nullable = false, length = 20)
    private ForwardCallerId callerId = ForwardCallerId.ORIGINAL_CALLER;

    @Column(name = "caller_id_number", length = 20)
    private String callerIdNumber;

    public void setCallerIdNumber(String number) {
        this.callerIdNumber = PhoneNumbers.toE164(number);
    }

    @Override
    public ExtensionType getType() {
        return ExtensionType.FORWARD;
    }
}
