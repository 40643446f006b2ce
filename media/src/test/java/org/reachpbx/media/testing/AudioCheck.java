package org.reachpbx.media.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What a test can say about 8 kHz audio without listening: loudness per window, how long there
 * was sound, which tone is in it (Goertzel), which in-band DTMF keys, whether it is the same
 * audio as another array, and WAV files to samples and back.
 *
 * <p>Levels are RMS in sample units (full scale 32767): {@link #SILENCE} (about -44 dBFS) is the
 * default line between silence and sound; G.711 silence decodes to 0 (PCMU) or ±8 (PCMA).
 */
public final class AudioCheck {
    public static final int SAMPLE_RATE = 8000;
    /** RMS below which a window counts as silence: about -44 dBFS. */
    public static final double SILENCE = 200;
    private static final int TEN_MS = SAMPLE_RATE / 100;

    private AudioCheck() {
    }

    // ---------------------------------------------------------------- energy

    public static double rms(short[] s) {
        return rms(s, 0, s.length);
    }

    /** RMS of {@code s[from, to)}; 0 for an empty range. */
    public static double rms(short[] s, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** An RMS level in dB relative to full scale (a full-scale sine is -3 dBFS). */
    public static double dbfs(double rms) {
        return 20 * Math.log10(Math.max(rms, 1e-9) / 32768.0);
    }

    /** RMS per consecutive window (the last one may be shorter). */
    public static double[] rmsPerWindow(short[] s, Duration window) {
        int w = Math.max(1, ToneGenerator.samples(window));
        int n = (s.length + w - 1) / w;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rms(s, i * w, Math.min(s.length, (i + 1) * w));
        }
        return out;
    }

    /** RMS per 100 ms: the energy envelope a test prints or compares. */
    public static double[] energyPer100ms(short[] s) {
        return rmsPerWindow(s, Duration.ofMillis(100));
    }

    /** Total time of the 10 ms windows louder than {@code threshold} (RMS, sample units). */
    public static Duration durationOfSound(short[] s, double threshold) {
        double[] w = rmsPerWindow(s, Duration.ofMillis(10));
        int loud = 0;
        for (double v : w) {
            if (v > threshold) {
                loud++;
            }
        }
        return Duration.ofMillis(10L * loud);
    }

    /** {@link #durationOfSound(short[], double)} with {@link #SILENCE}. */
    public static Duration durationOfSound(short[] s) {
        return durationOfSound(s, SILENCE);
    }

    /** From the start of the first to the end of the last 10 ms window louder than {@code threshold}. */
    public static Duration soundSpan(short[] s, double threshold) {
        int first = firstSound(s, threshold);
        if (first < 0) {
            return Duration.ZERO;
        }
        int last = lastSound(s, threshold);
        return Duration.ofNanos((last - first) * 1_000_000_000L / SAMPLE_RATE);
    }

    /** Sample index where the first 10 ms window louder than {@code threshold} starts, -1 if none. */
    public static int firstSound(short[] s, double threshold) {
        for (int i = 0; i < s.length; i += TEN_MS) {
            if (rms(s, i, Math.min(s.length, i + TEN_MS)) > threshold) {
                return i;
            }
        }
        return -1;
    }

    /** Sample index just after the last 10 ms window louder than {@code threshold}, -1 if none. */
    public static int lastSound(short[] s, double threshold) {
        for (int i = (s.length - 1) / TEN_MS * TEN_MS; i >= 0; i -= TEN_MS) {
            if (rms(s, i, Math.min(s.length, i + TEN_MS)) > threshold) {
                return Math.min(s.length, i + TEN_MS);
            }
        }
        return -1;
    }

    /** Whether no 10 ms window is louder than {@link #SILENCE}. */
    public static boolean isSilent(short[] s) {
        return firstSound(s, SILENCE) < 0;
    }

    /** The samples without the silence before the first and after the last sound. */
    public static short[] trimSilence(short[] s, double threshold) {
        int first = firstSound(s, threshold);
        return first < 0 ? new short[0] : java.util.Arrays.copyOfRange(s, first, lastSound(s, threshold));
    }

    // ---------------------------------------------------------------- tones (Goertzel)

    /**
     * The share (0..1) of the energy of {@code s[from, from+length)} at {@code hz}: about 1 for a
     * pure tone at that frequency, about 0.5 for each tone of an equal dual tone, near 0 for
     * other sounds. A Goertzel filter over a Hann-windowed block, so a tone between bins and its
     * neighbours 50 Hz or more away barely leak into each other (for blocks of 40 ms or longer).
     */
    public static double toneShare(short[] s, int from, int length, double hz) {
        double coeff = 2 * Math.cos(2 * Math.PI * hz / SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        double windowSum = 0;
        double weightedEnergy = 0;
        for (int i = 0; i < length; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
            double x = s[from + i];
            double s0 = w * x + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
            windowSum += w;
            weightedEnergy += w * x * x;
        }
        if (weightedEnergy == 0) {
            return 0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return Math.min(1, 2 * power / (windowSum * weightedEnergy));
    }

    /** Total time of the 50 ms blocks (above {@link #SILENCE}) where {@code hz} carries at least 60 % of the energy. */
    public static Duration toneDuration(short[] s, double hz) {
        int block = SAMPLE_RATE / 20;
        int count = 0;
        for (int i = 0; i + block <= s.length; i += block) {
            if (rms(s, i, i + block) > SILENCE && toneShare(s, i, block, hz) >= 0.6) {
                count++;
            }
        }
        return Duration.ofMillis(50L * count);
    }

    /** Whether {@code hz} dominates at least 100 ms of the audio. */
    public static boolean hasTone(short[] s, double hz) {
        return toneDuration(s, hz).compareTo(Duration.ofMillis(100)) >= 0;
    }

    /**
     * The strongest frequency (to about 2 Hz) in up to ten 100 ms blocks (or the whole of shorter audio) spread over the sounding
     * part, from 50 to 3950 Hz; 0 when the audio is silent.
     */
    public static double dominantTone(short[] s) {
        int block = Math.min(SAMPLE_RATE / 10, s.length);
        if (block == 0) {
            return 0;
        }
        java.util.List<Integer> loud = new java.util.ArrayList<>();
        for (int i = 0; i + block <= s.length; i += block) {
            if (rms(s, i, i + block) > SILENCE) {
                loud.add(i);
            }
        }
        if (loud.isEmpty()) {
            return 0;
        }
        int step = Math.max(1, loud.size() / 10);
        java.util.List<Integer> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < loud.size() && blocks.size() < 10; i += step) {
            blocks.add(loud.get(i));
        }
        double best = 0;
        double bestScore = -1;
        for (double hz = 50; hz <= 3950; hz += 10) {
            double score = meanShare(s, blocks, block, hz);
            if (score > bestScore) {
                bestScore = score;
                best = hz;
            }
        }
        double centre = best;
        for (double hz = centre - 10; hz <= centre + 10; hz += 1) {
            double score = meanShare(s, blocks, block, hz);
            if (score > bestScore) {
                bestScore = score;
                best = hz;
            }
        }
        return best;
    }

    private static double meanShare(short[] s, java.util.List<Integer> blocks, int block, double hz) {
        double sum = 0;
        for (int from : blocks) {
            sum += toneShare(s, from, block, hz);
        }
        return sum / blocks.size();
    }

    // ---------------------------------------------------------------- in-band DTMF

    /**
     * The in-band DTMF keys in the audio, each reported once: 40 ms blocks every 20 ms; a block
     * is a key when its strongest row and column tones each carry at least 25 % of the energy
     * (together 70 %) and the other rows and columns little; a key counts after two blocks in a
     * row and again only after a block without it. Needs tones of 50 ms or more.
     */
    public static String dtmfDigits(short[] s) {
        int block = SAMPLE_RATE / 25;
        int hop = SAMPLE_RATE / 50;
        StringBuilder out = new StringBuilder();
        char previous = 0;
        char reported = 0;
        for (int i = 0; i + block <= s.length; i += hop) {
            char key = dtmfKey(s, i, block);
            if (key != 0 && key == previous && key != reported) {
                out.append(key);
                reported = key;
            }
            if (key == 0) {
                reported = 0;
            }
            previous = key;
        }
        return out.toString();
    }

    private static char dtmfKey(short[] s, int from, int block) {
        if (rms(s, from, from + block) <= SILENCE) {
            return 0;
        }
        int row = strongest(s, from, block, ToneGenerator.DTMF_ROWS);
        int col = strongest(s, from, block, ToneGenerator.DTMF_COLUMNS);
        double rowShare = toneShare(s, from, block, ToneGenerator.DTMF_ROWS[row]);
        double colShare = toneShare(s, from, block, ToneGenerator.DTMF_COLUMNS[col]);
        if (rowShare < 0.25 || colShare < 0.25 || rowShare + colShare < 0.7) {
            return 0;
        }
        for (int r = 0; r < 4; r++) {
            if (r != row && toneShare(s, from, block, ToneGenerator.DTMF_ROWS[r]) > rowShare / 4) {
                return 0;
            }
        }
        for (int c = 0; c < 4; c++) {
            if (c != col && toneShare(s, from, block, ToneGenerator.DTMF_COLUMNS[c]) > colShare / 4) {
                return 0;
            }
        }
        return ToneGenerator.DTMF_KEYS[row].charAt(col);
    }

    private static int strongest(short[] s, int from, int block, double[] freqs) {
        int best = 0;
        double bestShare = -1;
        for (int i = 0; i < freqs.length; i++) {
            double share = toneShare(s, from, block, freqs[i]);
            if (share > bestShare) {
                bestShare = share;
                best = i;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- same audio?

    /**
     * How alike two recordings of the same sound are, 0..1, robust to G.711 quantisation, gain,
     * a time offset of up to 2 s and silence at either end: both are trimmed to their sound,
     * their 20 ms RMS envelopes are correlated (Pearson) at the best offset, and the result is
     * scaled by the shorter sound's length over the longer one's. The same audio after a G.711
     * round trip scores above 0.95; two different {@link ToneGenerator#speechLike} streams below
     * 0.5. Steady tones have a flat envelope: compare them with {@link #dominantTone} instead.
     */
    public static double similarity(short[] a, short[] b) {
        short[] ta = trimSilence(a, SILENCE);
        short[] tb = trimSilence(b, SILENCE);
        if (ta.length == 0 || tb.length == 0) {
            return ta.length == tb.length ? 1 : 0;
        }
        double[] ea = rmsPerWindow(ta, Duration.ofMillis(20));
        double[] eb = rmsPerWindow(tb, Duration.ofMillis(20));
        double best = bestEnvelopeCorrelation(ea, eb, 100)[0];
        double lengthRatio = (double) Math.min(ta.length, tb.length) / Math.max(ta.length, tb.length);
        return Math.max(0, best) * lengthRatio;
    }

    /**
     * The largest normalised cross-correlation of the waveforms (-1..1) within ±2 s: the offset
     * is found on the 20 ms envelopes, then refined sample by sample within ±20 ms. Near 1 only
     * for the very same audio (G.711 leaves about 0.99); stricter than {@link #similarity}.
     */
    public static double waveformSimilarity(short[] a, short[] b) {
        double[] ea = rmsPerWindow(a, Duration.ofMillis(20));
        double[] eb = rmsPerWindow(b, Duration.ofMillis(20));
        int coarse = (int) bestEnvelopeCorrelation(ea, eb, 100)[1] * 160;
        double best = -1;
        for (int lag = coarse - 160; lag <= coarse + 160; lag++) {
            best = Math.max(best, ncc(a, b, lag));
        }
        return best;
    }

    /** {best correlation, lag in windows}: b[i + lag] is compared with a[i]. */
    private static double[] bestEnvelopeCorrelation(double[] ea, double[] eb, int maxLag) {
        double best = -1;
        int bestLag = 0;
        int shorter = Math.min(ea.length, eb.length);
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            int from = Math.max(0, -lag);
            int to = Math.min(ea.length, eb.length - lag);
            if (to - from < Math.max(2, shorter / 2)) {
                continue;
            }
            double c = pearson(ea, eb, from, to, lag);
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
        return new double[] {best, bestLag};
    }

    private static double pearson(double[] x, double[] y, int from, int to, int lag) {
        int n = to - from;
        double mx = 0;
        double my = 0;
        for (int i = from; i < to; i++) {
            mx += x[i];
            my += y[i + lag];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = from; i < to; i++) {
            double dx = x[i] - mx;
            double dy = y[i + lag] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double ncc(short[] a, short[] b, int lag) {
        int from = Math.max(0, -lag);
        int to = Math.min(a.length, b.length - lag);
        if (to - from <= 0) {
            return -1;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = from; i < to; i++) {
            double x = a[i];
            double y = b[i + lag];
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    // ---------------------------------------------------------------- WAV files

    /** A WAV file (PCM, µ-law or A-law, mono, 8 kHz) as 16-bit samples. */
    public static short[] readWav(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readWav(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    public static short[] readWav(byte[] wav) {
        return readWav(new ByteArrayInputStream(wav));
    }

    /** Reads with javax.sound.sampled and converts to 16-bit signed PCM; the file must be 8 kHz mono. */
    public static short[] readWav(InputStream stream) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(stream))) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() != 1 || Math.round(f.getSampleRate()) != SAMPLE_RATE) {
                throw new IllegalArgumentException("expected 8 kHz mono, got " + f);
            }
            AudioFormat pcm = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, in)) {
                byte[] bytes = converted.readAllBytes();
                short[] out = new short[bytes.length / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
                }
                return out;
            }
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("not a readable WAV: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes 8 kHz 16-bit mono PCM WAV, e.g. to keep what a failing test heard. */
    public static void writeWav(Path file, short[] samples) {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        AudioFormat pcm = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), pcm, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples as a duration at 8 kHz. */
    public static Duration duration(short[] s) {
        return Duration.ofNanos(s.length * 1_000_000_000L / SAMPLE_RATE);
    }
}
