package org.reachpbx.media.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.codec.G711;
import org.reachpbx.media.record.Wav;

class PromptLibraryTest {
    private final PromptLibrary library = new PromptLibrary("/test-prompts");

    @Test
    void aPromptIsLoadedInTheAskedLanguage() {
        Prompt welcome = library.get("nl", "welcome");
        assertThat(welcome.samples()).isEqualTo(1600);
        assertThat(welcome.ulaw()).hasSize(1600);
        assertThat(welcome.alaw()).hasSize(1600);
        assertThat(library.get("nl", "welcome")).isSameAs(welcome);
    }

    @Test
    void aPromptMissingInTheAskedLanguageComesInEnglish() {
        assertThat(library.get("de", "welcome").samples()).isEqualTo(800);
        assertThat(library.get("nl", "goodbye").samples()).isEqualTo(480);
    }

    @Test
    void aPromptMissingEverywhereIsAClearError() {
        assertThatThrownBy(() -> library.get("nl", "nope"))
                .isInstanceOf(PromptNotFoundException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("'nl'");
    }

    @Test
    void wavBytesAreScaledToTheAskedVolume() {
        short[] samples = new short[800];
        java.util.Arrays.fill(samples, (short) 10000);
        Prompt half = PromptLibrary.fromWav("greeting", Wav.pcm16Mono8k(samples, samples.length), 50);
        assertThat((int) G711.ulawToLinear(half.ulaw()[0])).isBetween(4800, 5200);
        assertThat((int) G711.alawToLinear(half.alaw()[0])).isBetween(4800, 5200);
        Prompt mute = PromptLibrary.fromWav("greeting", Wav.pcm16Mono8k(samples, samples.length), 0);
        assertThat(G711.ulawToLinear(mute.ulaw()[10])).isZero();
    }

    @Test
    void aMuLawWavIsReadToo() throws Exception {
        short[] samples = new short[400];
        java.util.Arrays.fill(samples, (short) -3000);
        byte[] pcm = java.util.Arrays.copyOfRange(Wav.pcm16Mono8k(samples, samples.length), Wav.HEADER, Wav.HEADER + 800);
        AudioFormat pcmFormat = new AudioFormat(8000, 16, 1, true, false);
        AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), pcmFormat, 400);
        AudioInputStream ulaw = AudioSystem.getAudioInputStream(AudioFormat.Encoding.ULAW, in);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        AudioSystem.write(ulaw, AudioFileFormat.Type.WAVE, file);

        Prompt prompt = PromptLibrary.fromWav("ulaw", file.toByteArray(), 100);
        assertThat(prompt.samples()).isEqualTo(400);
        assertThat((int) G711.ulawToLinear(prompt.ulaw()[5])).isBetween(-3200, -2800);
    }

    @Test
    void notAWavIsAClearError() {
        assertThatThrownBy(() -> PromptLibrary.fromWav("junk", "hello".getBytes(), 100))
                .isInstanceOf(PromptNotFoundException.class).hasMessageContaining("'junk'");
    }

    @Test
    void toneAndSilenceHaveTheAskedLength() {
        assertThat(PromptLibrary.tone(1000, 400).samples()).isEqualTo(3200);
        Prompt silence = PromptLibrary.silence(100);
        assertThat(silence.samples()).isEqualTo(800);
        assertThat(silence.ulaw()[0]).isEqualTo(G711.ULAW_SILENCE);
    }
}
