package org.reachpbx.directory.sound;

/** Why an upload was refused; the REST API maps each to its status (docs/sounds.md). */
public enum SoundProblem {
    /** The name cannot be used as a reference in the tenant configuration (400). */
    BAD_NAME,
    /** Nothing was uploaded (400). */
    EMPTY,
    /** Larger than {@code pbx.sounds.max-upload-size} (413). */
    TOO_LARGE,
    /** Neither a WAV nor an MP3 file, judged by the content (415). */
    UNRECOGNISED,
    /** A WAV file in an encoding other than PCM, µ-law, A-law or float (415). */
    UNSUPPORTED_ENCODING,
    /** Recognised but cannot be decoded (422). */
    DAMAGED,
    /** Plays longer than {@code pbx.sounds.max-duration} (422). */
    TOO_LONG,
    /** No audio, or only silence (422). */
    SILENT
}
