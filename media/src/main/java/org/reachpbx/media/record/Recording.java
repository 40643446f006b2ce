package org.reachpbx.media.record;

import java.time.Duration;

/**
 * What was recorded: 8 kHz 16-bit mono PCM samples as a complete WAV file, its length, how it ended,
 * and how much of it was sound (not silence) so a service can drop an empty message.
 */
public record Recording(byte[] wav, Duration length, Duration voiced, End end) {
    public enum End { MAX_LENGTH, SILENCE, TERMINATOR, STOPPED }
}
