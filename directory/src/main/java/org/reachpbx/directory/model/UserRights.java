package org.reachpbx.directory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lombok.Getter;
import lombok.Setter;

/** The rights of a user extension (USR-01). */
@Embeddable
@Getter
@Setter
public class UserRights {
    /** May change the active number plan with 915, the REACH app or DESKTOP (NP-17). */
    @Column(name = "right_time_configuration", nullable = false)
    private boolean timeConfiguration;
    /** All calls of this user are recorded; needs the account facility (REC-01). */
    @Column(name = "right_call_recording", nullable = false)
    private boolean callRecording;
}
