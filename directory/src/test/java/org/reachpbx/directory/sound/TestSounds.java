package org.reachpbx.directory.sound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** WAV files made in the test: tones at any rate, width and channel count, and what the converter gives back. */
public final class TestSounds {

    private TestSounds() {
    }

    /** A sine tone as a PCM WAV: signed little-endian ({@code bits} 16, 24 or 32) or unsigned 8-bit. */
    public static byte[] tone(int rate, int channels, int bits, double hz, double seconds, double amplitude) {
        int frames = (int) Math.round(rate * seconds);
        int width = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(frames * channels * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double v = amplitude * Math.sin(2 * Math.PI * hz * i / rate);
            for (int c = 0; c < channels; c++) {
                switch (bits) {
                    case 8 -> b.put((byte) (Math.round(v * 127) + 128));
                    case 16 -> b.putShort((short) Math.round(v * 32767));
                    case 24 -> {
                        int s = (int) Math.round(v * 8388607);
                        b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                    }
                    case 32 -> b.putInt((int) Math.round(v * 2147483647.0));
                    default -> throw new IllegalArgumentException("bits " + bits);
                }
            }
        }
        AudioFormat format = new AudioFormat(bits == 8 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED,
                rate, bits, channels, channels * width, rate, false);
        return write(new AudioInputStream(new ByteArrayInputStream(b.array()), format, frames));
    }

    /** A 16-bit tone re-encoded by the JDK (µ-law or A-law, 8-bit). */
    public static byte[] encoded(AudioFormat.Encoding encoding, int rate, double hz, double seconds) {
        try {
            AudioInputStream pcm = AudioSystem.getAudioInputStream(new ByteArrayInputStream(tone(rate, 1, 16, hz, seconds, 0.5)));
            AudioFormat target = new AudioFormat(encoding, rate, 8, 1, 1, rate, false);
            return write(AudioSystem.getAudioInputStream(target, pcm));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] write(AudioInputStream in) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A WAV header announcing {@code formatTag} (2: Microsoft ADPCM, ...) and some data. */
    public static byte[] wavWithFormatTag(int formatTag) {
        ByteBuffer b = ByteBuffer.allocate(44 + 400).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 400).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) formatTag).putShort((short) 1)
                .putInt(8000).putInt(4000).putShort((short) 256).putShort((short) 4);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(400);
        return b.array();
    }

    /** The 16-bit samples of a converted WAV (after its 44-byte header). */
    public static short[] samples(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        short[] s = new short[(wav.length - 44) / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = b.getShort();
        }
        return s;
    }

    /** The level of the tone at {@code hz} in the samples (8 kHz), by a single-bin DFT: the amplitude, 0 … 1. */
    public static double level(short[] samples, double hz) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < samples.length; i++) {
            double w = 2 * Math.PI * hz * i / 8000;
            re += samples[i] * Math.cos(w);
            im += samples[i] * Math.sin(w);
        }
        return 2 * Math.hypot(re, im) / samples.length / 32768;
    }

    /** The RMS of the samples, 0 … 1. */
    public static double rms(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, samples.length)) / 32768;
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestSounds.class.getResourceAsStream("/sounds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource sounds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
