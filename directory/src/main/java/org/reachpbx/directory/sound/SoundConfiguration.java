package org.reachpbx.directory.sound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sound-file limits and the converter that applies them. */
@Configuration
@EnableConfigurationProperties(SoundProperties.class)
public class SoundConfiguration {

    @Bean
    SoundConverter soundConverter(SoundProperties properties) {
        return new SoundConverter(properties.maxUploadSize().toBytes(), properties.maxDuration());
    }
}
