package org.reachpbx.media.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioCheckTest {
    private static final Duration MS_100 = Duration.ofMillis(100);

    @Test
    void aToneBetweenSilencesHasItsDurationAndFrequency() {
        short[] audio = ToneGenerator.concat(ToneGenerator.silence(Duration.ofMillis(300)),
                ToneGenerator.sine(440, Duration.ofMillis(700)), ToneGenerator.silence(Duration.ofMillis(200)));
        assertThat(AudioCheck.durationOfSound(audio).toMillis()).isBetween(690L, 710L);
        assertThat(AudioCheck.soundSpan(audio, AudioCheck.SILENCE).toMillis()).isBetween(690L, 710L);
        assertThat(AudioCheck.firstSound(audio, AudioCheck.SILENCE)).isEqualTo(2400);
        assertThat(AudioCheck.dominantTone(audio)).isCloseTo(440, within(3.0));
        assertThat(AudioCheck.hasTone(audio, 440)).isTrue();
        assertThat(AudioCheck.hasTone(audio, 1000)).isFalse();
        assertThat(AudioCheck.toneDuration(audio, 440).toMillis()).isBetween(600L, 700L);
        assertThat(AudioCheck.energyPer100ms(audio)).hasSize(12);
        assertThat(AudioCheck.dbfs(AudioCheck.rms(ToneGenerator.sine(1000, MS_100)))).isCloseTo(-9.0, within(0.2));
        assertThat(AudioCheck.isSilent(ToneGenerator.silence(MS_100))).isTrue();
    }

    @Test
    void inBandDtmfIsReadOncePerKeyAlsoAfterG711() {
        short[] keys = ToneGenerator.dtmf("159#*0D", Duration.ofMillis(80), Duration.ofMillis(60));
        assertThat(AudioCheck.dtmfDigits(keys)).isEqualTo("159#*0D");
        assertThat(AudioCheck.dtmfDigits(G711.decodeUlaw(G711.encodeUlaw(keys)))).isEqualTo("159#*0D");
        assertThat(AudioCheck.dtmfDigits(G711.decodeAlaw(G711.encodeAlaw(keys)))).isEqualTo("159#*0D");
        assertThat(AudioCheck.dtmfDigits(ToneGenerator.dtmf("11", Duration.ofMillis(80), Duration.ofMillis(60)))).isEqualTo("11");
    }

    @Test
    void speechAndTonesAreNotTakenForDtmf() {
        assertThat(AudioCheck.dtmfDigits(ToneGenerator.speechLike(1, Duration.ofSeconds(3)))).isEmpty();
        assertThat(AudioCheck.dtmfDigits(ToneGenerator.sine(697, Duration.ofMillis(500)))).isEmpty();
    }

    @Test
    void theSameAudioAfterG711AndAnOffsetIsSimilarAndOtherAudioIsNot() {
        short[] sent = ToneGenerator.speechLike(42, Duration.ofSeconds(4));
        short[] stored = ToneGenerator.concat(ToneGenerator.silence(Duration.ofMillis(300)),
                G711.decodeAlaw(G711.encodeAlaw(ToneGenerator.scale(sent, 0.7))), ToneGenerator.silence(Duration.ofMillis(500)));
        short[] other = ToneGenerator.speechLike(43, Duration.ofSeconds(4));

        assertThat(AudioCheck.similarity(sent, stored)).isGreaterThan(0.95);
        assertThat(AudioCheck.waveformSimilarity(sent, stored)).isGreaterThan(0.98);
        assertThat(AudioCheck.similarity(sent, other)).isLessThan(0.5);
        assertThat(AudioCheck.waveformSimilarity(sent, other)).isLessThan(0.5);
        assertThat(AudioCheck.similarity(sent, java.util.Arrays.copyOf(sent, sent.length / 2))).isLessThan(0.6);
    }

    @Test
    void wavFilesRoundTrip(@TempDir Path dir) {
        short[] audio = ToneGenerator.sweep(300, 3000, Duration.ofMillis(500), 0.5);
        Path file = dir.resolve("sweep.wav");
        AudioCheck.writeWav(file, audio);
        assertThat(AudioCheck.readWav(file)).containsExactly(audio);
        assertThat(AudioCheck.duration(audio)).isEqualTo(Duration.ofMillis(500));
    }
}
