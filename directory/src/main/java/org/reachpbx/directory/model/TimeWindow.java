package org.reachpbx.directory.model;

import jakarta.persistence.Embeddable;

/** A window of a REACH status's time configuration (REACH-07). */
@Embeddable
public class TimeWindow extends WeeklyWindow {
}
