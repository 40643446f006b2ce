package org.reachpbx.directory.sound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The sound limits: defaults, binding from text, and a bad value refused with the setting's name. */
class SoundPropertiesTest {

    @Test
    void defaultsAreTwentyMegabytesAndFifteenMinutes() {
        SoundProperties p = bind(java.util.Map.of());
        assertThat(p.maxUploadSize()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(p.maxDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(SoundProperties.defaults()).isEqualTo(p);
    }

    @Test
    void valuesAreReadAsSizesAndDurations() {
        SoundProperties p = bind(java.util.Map.of("pbx.sounds.max-upload-size", "5MB", "pbx.sounds.max-duration", "90s"));
        assertThat(p.maxUploadSize().toBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(p.maxDuration()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aValueThatIsNotPositiveStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> bind(java.util.Map.of("pbx.sounds.max-upload-size", "0MB")))
                .hasStackTraceContaining("pbx.sounds.max-upload-size must be a positive size");
        assertThatThrownBy(() -> bind(java.util.Map.of("pbx.sounds.max-duration", "-1m")))
                .hasStackTraceContaining("pbx.sounds.max-duration must be a positive duration");
    }

    private static SoundProperties bind(java.util.Map<String, String> values) {
        Binder binder = new Binder(new MapConfigurationPropertySource(values));
        return binder.bindOrCreate("pbx.sounds", SoundProperties.class);
    }
}
