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

/** Caps simultaneous calls to a destination (CLX-01 … CLX-03). */
@Entity
@Table(name = "ext_call_limit")
@DiscriminatorValue("CALL_LIMIT")
@Getter
@Setter
@JsonPropertyOrder({"number", "name", "callLimit", "callerId", "callerIdNumber", "withinLimitDestination", "aboveLimitDestination"})
public class CallLimitExtension extends Extension {
    @Min(1)
    @Max(1000)
    @Column(name = "call_limit", nullable = false)
    private int callLimit = 1;

    /** ORIGINAL_CALLER, CALLED_NUMBER or SPECIFIC_NUMBER (a company number). */
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "caller_id", nullable = false, length = 20)
    private ForwardCallerId callerId = ForwardCallerId.ORIGINAL_CALLER;

    @Column(name = "caller_id_number", length = 20)
    private String callerIdNumber;

    @NotBlank
    @Column(name = "within_limit_destination", nullable = false, length = 20)
    private String withinLimitDestination;

    /** {@code busy}, an extension or a phone number. */
    @NotBlank
    @Column(name = "above_limit_destination", nullable = false, length = 20)
    private String aboveLimitDestination = "busy";

    public void setCallerIdNumber(String number) {
        this.callerIdNumber = PhoneNumbers.toE164(number);
    }

    @Override
    public ExtensionType getType() {
        return ExtensionType.CALL_LIMIT;
    }
}
