package org.reachpbx.integrations.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.reachpbx.integrations.InvalidInputException;
import org.reachpbx.integrations.peers.Wav;

class WavFormatTest {

    @Test
    void an8kHzWavIsReadWithItsDuration() {
        WavFormat f = WavFormat.read(Wav.tone(8000, 2.5));
        assertThat(f.sampleRate()).isEqualTo(8000);
        assertThat(f.channels()).isEqualTo(1);
        assertThat(f.bitsPerSample()).isEqualTo(16);
        assertThat(f.durationMillis()).isEqualTo(2500);
    }

    @Test
    void otherRatesAndOtherFilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> WavFormat.read(Wav.tone(16000, 1))).isInstanceOf(InvalidInputException.class)
                .hasMessage("the WAV is sampled at 16000 Hz; voicemail audio must be 8000 Hz (8 kHz)");
        assertThatThrownBy(() -> WavFormat.read("ID3 this is an mp3".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("not a WAV file");
        assertThatThrownBy(() -> WavFormat.read(new byte[0])).hasMessageContaining("not a WAV file");
    }
}
