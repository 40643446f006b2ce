package org.reachpbx.directory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lombok.Getter;
import lombok.Setter;

/** Account facilities switched in the Detail tab (ACC-06). A user right whose facility is off is not offered. */
@Embeddable
@Getter
@Setter
public class Facilities {
    /** Set by the supplier only (USR-07). */
    @Column(name = "facility_twinning")
    private boolean twinning;
    @Column(name = "facility_call_recording")
    private boolean callRecording;
    @Column(name = "facility_presence")
    private boolean presence = true;
    @Column(name = "facility_sip_encryption")
    private boolean sipEncryption;
    @Column(name = "facility_distinctive_ringtones")
    private boolean distinctiveRingtones = true;
}
