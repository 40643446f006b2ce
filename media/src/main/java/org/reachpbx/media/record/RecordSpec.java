package org.reachpbx.media.record;

import java.time.Duration;

/**
 * How to record: at most {@code maxLength}; ends after {@code silence} of continuous silence (null:
 * never), or on the {@code terminator} digit (0: none). A beep is the service's business (play it first).
 */
public record RecordSpec(Duration maxLength, Duration silence, char terminator) {
}
