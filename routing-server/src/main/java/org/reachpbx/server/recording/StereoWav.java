package org.reachpbx.server.recording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.reachpbx.media.record.Wav;

/**
 * Both parties of a call in one WAV (REC-01): the caller on the left channel, the called party on
 * the right, 8 kHz 16-bit, written by the JDK's sound API. A shorter side is padded with silence.
 */
final class StereoWav {

    private StereoWav() {
    }

    /** Writes the two 8 kHz mono WAVs (as {@link Wav} makes them) as one stereo WAV; returns its length in samples. */
    static long write(byte[] leftWav, byte[] rightWav, OutputStream out) throws IOException {
        int left = (leftWav.length - Wav.HEADER) / 2;
        int right = (rightWav.length - Wav.HEADER) / 2;
        int frames = Math.max(left, right);
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            if (i < left) {
                pcm[4 * i] = leftWav[Wav.HEADER + 2 * i];
                pcm[4 * i + 1] = leftWav[Wav.HEADER + 2 * i + 1];
            }
            if (i < right) {
                pcm[4 * i + 2] = rightWav[Wav.HEADER + 2 * i];
                pcm[4 * i + 3] = rightWav[Wav.HEADER + 2 * i + 1];
            }
        }
        AudioFormat format = new AudioFormat(8000f, 16, 2, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        }
        return frames;
    }
}
