package org.reachpbx.directory.sound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.reachpbx.directory.sound.TestSounds.level;
import static org.reachpbx.directory.sound.TestSounds.samples;
import static org.reachpbx.directory.sound.TestSounds.tone;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Uploads of every kind become 8 kHz mono 16-bit WAV with their tone intact; unusable ones are refused by name. */
class SoundConverterTest {

    final SoundConverter converter = new SoundConverter(20L * 1024 * 1024, Duration.ofMinutes(15));

    /** The converted file is a WAV the JDK reads as 8 kHz mono 16-bit signed PCM. */
    static void assertTelephoneWav(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat f = in.getFormat();
            assertThat(f.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(f.getSampleRate()).isEqualTo(8000f);
            assertThat(f.getChannels()).isEqualTo(1);
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            assertThat(f.isBigEndian()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} Hz, {1} channel(s), {2} bit")
    @CsvSource({"8000,1,16", "11025,1,16", "16000,2,16", "22050,1,8", "44100,2,16", "48000,1,24", "48000,2,32", "6000,1,16"})
    void aPcmWavOfAnyRateWidthAndChannelsBecomesTelephoneAudioWithItsToneIntact(int rate, int channels, int bits)
            throws Exception {
        SoundConverter.Converted c = converter.convert(tone(rate, channels, bits, 440, 2.0, 0.5));

        assertThat(c.format()).isEqualTo(SoundFormat.WAV);
        assertThat(c.sourceRate()).isEqualTo(rate);
        assertThat(c.sourceChannels()).isEqualTo(channels);
        assertThat(c.durationMillis()).isCloseTo(2000, within(1L));
        assertTelephoneWav(c.wav());
        short[] out = samples(c.wav());
        assertThat(out.length).isCloseTo(16000, within(1));
        assertThat(level(out, 440)).as("the 440 Hz tone keeps its level").isCloseTo(0.5, within(0.03));
        assertThat(level(out, 1000)).as("nothing appears at other frequencies").isLessThan(0.01);
    }

    @Test
    void an8kHzMono16BitWavPassesSampleForSample() {
        byte[] wav = tone(8000, 1, 16, 1000, 1.0, 0.25);
        byte[] converted = converter.convert(wav).wav();
        assertThat(converted).isEqualTo(wav);
    }

    @Test
    void stereoChannelsAreAveraged() {
        // left 400 Hz, right silent: the mono mix carries the tone at half its level
        int rate = 16000;
        byte[] left = tone(rate, 1, 16, 400, 1.0, 0.8);
        short[] l = samples(left);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(l.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (short s : l) {
            b.putShort(s).putShort((short) 0);
        }
        AudioFormat stereo = new AudioFormat(rate, 16, 2, true, false);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()), stereo, l.length),
                    javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(level(samples(converter.convert(out.toByteArray()).wav()), 400)).isCloseTo(0.4, within(0.02));
    }

    @Test
    void toneAbove4kHzIsFilteredOutInsteadOfFoldingBackIntoTheTelephoneBand() {
        // 6 kHz sampled at 48 kHz would alias to 2 kHz without the low-pass filter
        short[] all = samples(converter.convert(tone(48000, 1, 16, 6000, 1.0, 0.8)).wav());
        // away from the tone's abrupt start and end, which are clicks with energy at every frequency
        short[] out = java.util.Arrays.copyOfRange(all, 100, all.length - 100);
        assertThat(level(out, 2000)).isLessThan(0.8 * 0.001); // at least 60 dB down
        assertThat(TestSounds.rms(out)).isLessThan(0.8 * 0.001);
    }

    @ParameterizedTest
    @CsvSource({"ULAW", "ALAW"})
    void muLawAndALawWavsAreDecoded(String encoding) {
        SoundConverter.Converted c = converter.convert(TestSounds.encoded(new AudioFormat.Encoding(encoding), 8000, 440, 1.5));
        assertThat(c.durationMillis()).isEqualTo(1500);
        assertThat(level(samples(c.wav()), 440)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void aStereo44kHzMp3WithAnId3TagIsDecoded() throws Exception {
        SoundConverter.Converted c = converter.convert(TestSounds.resource("tone-440hz-44k-stereo.mp3"));
        assertThat(c.format()).isEqualTo(SoundFormat.MP3);
        assertThat(c.sourceRate()).isEqualTo(44100);
        assertThat(c.sourceChannels()).isEqualTo(2);
        // the encoder adds a frame or two of delay and padding
        assertThat(c.durationMillis()).isBetween(1000L, 1100L);
        assertTelephoneWav(c.wav());
        // the level over the whole file: the encoder's silent delay and padding count too
        assertThat(level(samples(c.wav()), 440)).isCloseTo(0.5, within(0.1));
        assertThat(level(samples(c.wav()), 1000)).isLessThan(0.02);
    }

    @Test
    void aMono16kHzMpeg2Mp3WithoutTagIsDecoded() {
        SoundConverter.Converted c = converter.convert(TestSounds.resource("tone-1khz-16k-mono.mp3"));
        assertThat(c.format()).isEqualTo(SoundFormat.MP3);
        assertThat(c.sourceRate()).isEqualTo(16000);
        assertThat(c.sourceChannels()).isEqualTo(1);
        assertThat(c.durationMillis()).isBetween(1500L, 1650L);
        assertThat(level(samples(c.wav()), 1000)).isCloseTo(0.5, within(0.06));
    }

    @Test
    void theFormatIsRecognisedByContentNotByName() {
        assertThat(SoundConverter.recognise(tone(8000, 1, 16, 440, 0.1, 0.5))).isEqualTo(SoundFormat.WAV);
        assertThat(SoundConverter.recognise(TestSounds.resource("tone-1khz-16k-mono.mp3"))).isEqualTo(SoundFormat.MP3);
        assertThat(SoundConverter.recognise(TestSounds.resource("tone-440hz-44k-stereo.mp3"))).isEqualTo(SoundFormat.MP3);
        assertThat(SoundConverter.recognise("just some text, not audio".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void refusalsNameTheProblem() {
        assertRefused(new byte[0], SoundProblem.EMPTY, "the upload is empty");
        assertRefused("%PDF-1.4 a document".getBytes(StandardCharsets.US_ASCII), SoundProblem.UNRECOGNISED,
                "neither a WAV nor an MP3");
        assertRefused(TestSounds.wavWithFormatTag(2), SoundProblem.UNSUPPORTED_ENCODING, "Microsoft ADPCM");
        assertRefused(tone(16000, 1, 16, 440, 1.0, 0.0), SoundProblem.SILENT, "silent");
        assertRefused(tone(16000, 1, 16, 440, 0.0, 0.5), SoundProblem.SILENT, "no audio");
        byte[] damaged = "ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0010not really an mp3 at all".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(damaged, SoundProblem.DAMAGED, "MP3");
    }

    @Test
    void theSizeAndLengthLimitsApply() {
        SoundConverter small = new SoundConverter(100_000, Duration.ofSeconds(3));
        assertThatThrownBy(() -> small.convert(tone(44100, 2, 16, 440, 1.0, 0.5)))
                .isInstanceOfSatisfying(SoundRejectedException.class, e -> {
                    assertThat(e.getProblem()).isEqualTo(SoundProblem.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("the file is 0.2 MB; at most 0.1 MB may be uploaded");
                });
        assertThatThrownBy(() -> small.convert(tone(8000, 1, 16, 440, 4.0, 0.5)))
                .isInstanceOfSatisfying(SoundRejectedException.class, e -> {
                    assertThat(e.getProblem()).isEqualTo(SoundProblem.TOO_LONG);
                    assertThat(e.getMessage()).isEqualTo("the file plays 4 s; at most 3 s is allowed");
                });
        SoundConverter oneSecond = new SoundConverter(100_000, Duration.ofSeconds(1));
        assertThatThrownBy(() -> oneSecond.convert(TestSounds.resource("tone-1khz-16k-mono.mp3")))
                .isInstanceOfSatisfying(SoundRejectedException.class,
                        e -> assertThat(e.getProblem()).isEqualTo(SoundProblem.TOO_LONG));
        assertThat(SoundConverter.minutes(15 * 60_000)).isEqualTo("15 min");
        assertThat(SoundConverter.minutes(61_000)).isEqualTo("1 min 1 s");
    }

    private void assertRefused(byte[] upload, SoundProblem problem, String text) {
        assertThatThrownBy(() -> converter.convert(upload)).isInstanceOfSatisfying(SoundRejectedException.class, e -> {
            assertThat(e.getProblem()).isEqualTo(problem);
            assertThat(e.getMessage()).contains(text);
        });
    }
}
