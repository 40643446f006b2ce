package org.reachpbx.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void everyCodeDecodesAndEncodesBackToItselfInBothLaws() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            // µ-law has two zeros (0x7F and 0xFF); the encoder picks +0.
            if (code != 0x7F) {
                assertThat(G711.linearToUlaw(G711.ulawToLinear(b))).as("ulaw %02x", code).isEqualTo(b);
            }
            assertThat(G711.linearToAlaw(G711.alawToLinear(b))).as("alaw %02x", code).isEqualTo(b);
        }
    }

    @Test
    void aRoundTripKeepsTheSampleWithinTheQuantisationStep() {
        for (int pcm = -32768; pcm < 32768; pcm += 7) {
            int tolerance = Math.max(16, Math.abs(pcm) / 16);
            assertThat((int) G711.ulawToLinear(G711.linearToUlaw(pcm))).isCloseTo(pcm, org.assertj.core.data.Offset.offset(tolerance));
            assertThat((int) G711.alawToLinear(G711.linearToAlaw(pcm))).isCloseTo(pcm, org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Test
    void knownReferenceValuesMatchTheItuTables() {
        assertThat(G711.linearToUlaw(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToAlaw(0)).isEqualTo((byte) 0xD5);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
    }

    @Test
    void transcodingBetweenTheLawsKeepsTheSound() {
        byte[] frame = new byte[160];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = G711.linearToUlaw((int) (8000 * Math.sin(i * 2 * Math.PI / 8)));
        }
        byte[] alaw = frame.clone();
        G711.transcode(Codec.PCMU, Codec.PCMA, alaw, 0, alaw.length);
        for (int i = 0; i < frame.length; i++) {
            assertThat((int) G711.alawToLinear(alaw[i]))
                    .isCloseTo(G711.ulawToLinear(frame[i]), org.assertj.core.data.Offset.offset(300));
        }
    }
}
