package org.reachpbx.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaConfigTest {

    @Test
    void theDefaultsUseTheDocumentedRangeAndTimes() {
        MediaConfig config = MediaConfig.defaults("192.0.2.10");
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.rtpPortMin()).isEqualTo(20000);
        assertThat(config.rtpPortMax()).isEqualTo(29999);
        assertThat(config.ptimeMs()).isEqualTo(20);
        assertThat(config.jitterFrames()).isEqualTo(3);
        assertThat(config.portPairs()).isEqualTo(5000);
        assertThat(config.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void noReaderThreadStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> MediaConfig.loopback(20000, 20009).withIoThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pbx.media.ioThreads=0: must be between 1 and 64");
    }

    @Test
    void anOddFirstPortStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new MediaConfig("0.0.0.0", "192.0.2.10", 20001, 29999, 20, 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pbx.media.rtpPortMin=20001: must be even (RTP on even ports, RTCP on the next odd one)");
    }

    @Test
    void aRangeEndingBelowItsStartIsRefused() {
        assertThatThrownBy(() -> new MediaConfig("0.0.0.0", "192.0.2.10", 20000, 20000, 20, 60))
                .hasMessageStartingWith("pbx.media.rtpPortMax=20000: must be above rtpPortMin");
    }

    @Test
    void aMissingAdvertisedAddressAndOddTimesAreRefused() {
        assertThatThrownBy(() -> new MediaConfig("0.0.0.0", " ", 20000, 20010, 20, 60))
                .hasMessageStartingWith("pbx.media.advertisedAddress");
        assertThatThrownBy(() -> new MediaConfig("0.0.0.0", "h", 20000, 20010, 30, 60))
                .hasMessageStartingWith("pbx.media.ptimeMs=30");
        assertThatThrownBy(() -> new MediaConfig("0.0.0.0", "h", 20000, 20010, 20, 50))
                .hasMessageStartingWith("pbx.media.jitterBufferMs=50");
    }
}
