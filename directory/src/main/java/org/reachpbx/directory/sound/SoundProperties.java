package org.reachpbx.directory.sound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of uploaded sound files ({@code pbx.sounds.*}, docs/sounds.md). A value that is not
 * positive stops the start with a message naming the setting.
 *
 * @param maxUploadSize largest file accepted, default 20 MB (an MP3 of about 20 minutes at 128 kbit/s,
 *                      a 16-bit 44.1 kHz stereo WAV of about 2 minutes)
 * @param maxDuration   longest playing time accepted, default 15 minutes (14.4 MB converted)
 */
@ConfigurationProperties("pbx.sounds")
public record SoundProperties(@DefaultValue("20MB") DataSize maxUploadSize, @DefaultValue("15m") Duration maxDuration) {

    public SoundProperties {
        if (maxUploadSize == null || maxUploadSize.toBytes() <= 0) {
            throw new IllegalArgumentException("pbx.sounds.max-upload-size must be a positive size such as 20MB, not "
                    + maxUploadSize);
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("pbx.sounds.max-duration must be a positive duration such as 15m, not "
                    + maxDuration);
        }
    }

    /** The defaults, for code outside Spring (tests). */
    public static SoundProperties defaults() {
        return new SoundProperties(DataSize.ofMegabytes(20), Duration.ofMinutes(15));
    }
}
