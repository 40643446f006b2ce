package org.reachpbx.directory.model;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import lombok.Getter;
import lombok.Setter;

/** A REACH status set by hand until an optional end, in the tenant's local time (REACH-08). */
@Embeddable
@Getter
@Setter
public class ManualStatus {
    @Size(max = 100)
    private String status;
    private LocalDateTime until;
}
