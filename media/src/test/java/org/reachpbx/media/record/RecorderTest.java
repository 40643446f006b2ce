package org.reachpbx.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;

class RecorderTest {
    private static final byte[] LOUD = new byte[160];
    private static final byte[] QUIET = new byte[160];

    static {
        for (int i = 0; i < 160; i++) {
            LOUD[i] = G711.linearToAlaw((int) (8000 * Math.sin(2 * Math.PI * i / 8)));
            QUIET[i] = G711.linearToAlaw(i % 2 == 0 ? 30 : -30);
        }
    }

    @Test
    void gapsAreRecordedAsSilenceSoTheLengthIsRealTime() throws Exception {
        Recorder recorder = new Recorder(new RecordSpec(Duration.ofSeconds(10), null, '#'));
        for (int i = 0; i < 50; i++) {
            assertThat(recorder.onFrame(Codec.PCMA, LOUD, i % 5 == 0 ? -1 : 160)).isNull();
        }
        Recording recording = recorder.finish(Recording.End.STOPPED);
        assertThat(recording.length()).isEqualTo(Duration.ofSeconds(1));
        assertThat(recording.voiced()).isEqualTo(Duration.ofMillis(800));
        AudioInputStream wav = AudioSystem.getAudioInputStream(new ByteArrayInputStream(recording.wav()));
        assertThat(wav.getFrameLength()).isEqualTo(8000);
        assertThat(wav.getFormat().getSampleRate()).isEqualTo(8000f);
        assertThat(wav.getFormat().getSampleSizeInBits()).isEqualTo(16);
        assertThat(wav.getFormat().getChannels()).isEqualTo(1);
    }

    @Test
    void theRecordingStopsAtItsMaximumLength() {
        Recorder recorder = new Recorder(new RecordSpec(Duration.ofMillis(100), null, (char) 0));
        Recording.End end = null;
        int frames = 0;
        while (end == null) {
            end = recorder.onFrame(Codec.PCMA, LOUD, 160);
            frames++;
        }
        assertThat(end).isEqualTo(Recording.End.MAX_LENGTH);
        assertThat(frames).isEqualTo(5);
        assertThat(recorder.finish(end).length()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void continuousQuietEndsTheRecording() {
        Recorder recorder = new Recorder(new RecordSpec(Duration.ofSeconds(60), Duration.ofMillis(200), '#'));
        for (int i = 0; i < 10; i++) {
            recorder.onFrame(Codec.PCMA, LOUD, 160);
        }
        Recording.End end = null;
        int quiet = 0;
        while (end == null) {
            end = recorder.onFrame(Codec.PCMA, QUIET, 160);
            quiet++;
        }
        assertThat(end).isEqualTo(Recording.End.SILENCE);
        assertThat(quiet).isEqualTo(10);
        assertThat(recorder.finish(end).voiced()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void theTerminatorDigitEndsTheRecording() {
        Recorder recorder = new Recorder(new RecordSpec(Duration.ofSeconds(60), null, '#'));
        assertThat(recorder.onDigit('1')).isNull();
        assertThat(recorder.onDigit('#')).isEqualTo(Recording.End.TERMINATOR);
    }

    @Test
    void trailingSilenceIsCutDownToWhatTheSpecKeeps() {
        Recorder recorder = new Recorder(new RecordSpec(Duration.ofSeconds(10), Duration.ofSeconds(2), '#',
                Duration.ofMillis(500)));
        Recording.End end = null;
        for (int i = 0; i < 25; i++) {
            recorder.onFrame(Codec.PCMA, QUIET, 160); // 0.5 s quiet before the caller speaks: kept
        }
        for (int i = 0; i < 50; i++) {
            recorder.onFrame(Codec.PCMA, LOUD, 160); // 1 s of sound
        }
        for (int i = 0; i < 100 && end == null; i++) {
            end = recorder.onFrame(Codec.PCMA, QUIET, i % 3 == 0 ? -1 : 160); // silence ends it after 2 s
        }
        assertThat(end).isEqualTo(Recording.End.SILENCE);
        Recording recording = recorder.finish(end);
        assertThat(recording.length()).as("0.5 s before, 1 s of sound, 0.5 s of the 2 s after")
                .isEqualTo(Duration.ofMillis(2000));
        assertThat(recording.voiced()).isEqualTo(Duration.ofSeconds(1));
        assertThat(recording.wav()).hasSize(Wav.HEADER + 2 * 16000);
    }

    @Test
    void withoutATrimSettingTheTrailingSilenceStays() {
        Recorder recorder = new Recorder(new RecordSpec(Duration.ofSeconds(10), Duration.ofSeconds(1), '#'));
        for (int i = 0; i < 50; i++) {
            recorder.onFrame(Codec.PCMA, LOUD, 160);
        }
        Recording.End end = null;
        for (int i = 0; i < 100 && end == null; i++) {
            end = recorder.onFrame(Codec.PCMA, QUIET, 160);
        }
        assertThat(recorder.finish(end).length()).isEqualTo(Duration.ofSeconds(2));
    }
}
