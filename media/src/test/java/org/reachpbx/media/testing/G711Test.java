package org.reachpbx.media.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void everyUlawCodeSurvivesDecodeAndEncode() {
        for (int code = 0; code < 256; code++) {
            if (code == 0x7F) {
                continue; // "negative zero": decodes to 0, which encodes as 0xFF
            }
            byte b = (byte) code;
            assertThat(G711.linearToUlaw(G711.ulawToLinear(b))).as("code %02x", code).isEqualTo(b);
        }
    }

    @Test
    void everyAlawCodeSurvivesDecodeAndEncode() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            assertThat(G711.linearToAlaw(G711.alawToLinear(b))).as("code %02x", code).isEqualTo(b);
        }
    }

    @Test
    void linearSamplesComeBackWithinTheQuantisationStep() {
        for (int v = Short.MIN_VALUE; v <= Short.MAX_VALUE; v += 7) {
            short s = (short) v;
            double tolerance = Math.abs(v) / 16.0 + 20;
            assertThat((double) G711.ulawToLinear(G711.linearToUlaw(s))).as("µ-law %d", v).isCloseTo(v, org.assertj.core.data.Offset.offset(Math.max(tolerance, 140)));
            assertThat((double) G711.alawToLinear(G711.linearToAlaw(s))).as("A-law %d", v).isCloseTo(v, org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Test
    void decodingAgreesWithTheJdk() throws IOException {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        assertThat(jdkDecode(codes, AudioFormat.Encoding.ULAW)).containsExactly(G711.decodeUlaw(codes));
        assertThat(jdkDecode(codes, AudioFormat.Encoding.ALAW)).containsExactly(G711.decodeAlaw(codes));
    }

    @Test
    void aToneSurvivesBothLawsWithLittleNoise() {
        short[] tone = ToneGenerator.sine(1000, java.time.Duration.ofMillis(200));
        for (int pt : new int[] {0, 8}) {
            short[] back = G711.decode(pt, G711.encode(pt, tone));
            double noise = 0;
            for (int i = 0; i < tone.length; i++) {
                noise += Math.pow(back[i] - tone[i], 2);
            }
            double snr = 10 * Math.log10(Math.pow(AudioCheck.rms(tone), 2) / (noise / tone.length));
            assertThat(snr).as("SNR for PT %d", pt).isGreaterThan(30);
        }
    }

    private static short[] jdkDecode(byte[] codes, AudioFormat.Encoding encoding) throws IOException {
        AudioFormat law = new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
        AudioFormat pcm = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(codes), law, codes.length);
             AudioInputStream out = AudioSystem.getAudioInputStream(pcm, in)) {
            byte[] bytes = out.readAllBytes();
            short[] s = new short[bytes.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
            }
            return s;
        }
    }
}
