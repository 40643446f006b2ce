package org.reachpbx.ui.sounds;

import java.time.Duration;

/** Limits as the upload screen shows them. */
final class SoundConverterTexts {

    private SoundConverterTexts() {
    }

    /** "15 min", "90 s". */
    static String minutes(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
