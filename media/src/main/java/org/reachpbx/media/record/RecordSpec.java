package org.reachpbx.media.record;

import java.time.Duration;

/**
 * How to record: at most {@code maxLength}; ends after {@code silence} of continuous silence (null:
 * never), or on the {@code terminator} digit (0: none). A beep is the service's business (play it first).
 * {@code keepTrailingSilence}: at most this much of the silence at the end is kept (the silence
 * that ended it, or the quiet before the terminator or a hang-up); null keeps all of it.
 */
public record RecordSpec(Duration maxLength, Duration silence, char terminator, Duration keepTrailingSilence) {

    /** Keeps the recording's trailing silence as it is. */
    public RecordSpec(Duration maxLength, Duration silence, char terminator) {
        this(maxLength, silence, terminator, null);
    }
}
