package org.reachpbx.media.testing;

import java.time.Duration;
import java.util.Random;

/** Test audio at 8 kHz: sine tones, DTMF pairs, sweeps, silence and speech-like patterns. */
public final class ToneGenerator {
    public static final int SAMPLE_RATE = 8000;
    /** DTMF low (row) and high (column) frequencies, and the keys by row and column. */
    static final double[] DTMF_ROWS = {697, 770, 852, 941};
    static final double[] DTMF_COLUMNS = {1209, 1336, 1477, 1633};
    static final String[] DTMF_KEYS = {"123A", "456B", "789C", "*0#D"};

    private ToneGenerator() {
    }

    /** Samples in a duration at 8 kHz (rounded down). */
    public static int samples(Duration d) {
        return (int) (d.toNanos() * SAMPLE_RATE / 1_000_000_000L);
    }

    public static short[] silence(Duration d) {
        return new short[samples(d)];
    }

    /** A sine tone at half of full scale (-6 dBFS peak). */
    public static short[] sine(double hz, Duration d) {
        return sine(hz, d, 0.5);
    }

    /** A sine tone; amplitude is a fraction of full scale (0..1). */
    public static short[] sine(double hz, Duration d, double amplitude) {
        short[] out = new short[samples(d)];
        for (int i = 0; i < out.length; i++) {
            out[i] = clip(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE));
        }
        return out;
    }

    /** Two sines added, each at {@code amplitudeEach} of full scale. */
    public static short[] dual(double hz1, double hz2, Duration d, double amplitudeEach) {
        short[] out = new short[samples(d)];
        for (int i = 0; i < out.length; i++) {
            double t = (double) i / SAMPLE_RATE;
            out[i] = clip(amplitudeEach * 32767 * (Math.sin(2 * Math.PI * hz1 * t) + Math.sin(2 * Math.PI * hz2 * t)));
        }
        return out;
    }

    /** The in-band DTMF pair of one key (0-9, *, #, A-D), each tone at -10 dBFS. */
    public static short[] dtmf(char key, Duration d) {
        char k = Character.toUpperCase(key);
        for (int row = 0; row < 4; row++) {
            int col = DTMF_KEYS[row].indexOf(k);
            if (col >= 0) {
                return dual(DTMF_ROWS[row], DTMF_COLUMNS[col], d, 0.3);
            }
        }
        throw new IllegalArgumentException("not a DTMF key: " + key);
    }

    /** In-band DTMF for each key, {@code tone} long with {@code gap} of silence after each. */
    public static short[] dtmf(String keys, Duration tone, Duration gap) {
        short[][] parts = new short[keys.length() * 2][];
        for (int i = 0; i < keys.length(); i++) {
            parts[2 * i] = dtmf(keys.charAt(i), tone);
            parts[2 * i + 1] = silence(gap);
        }
        return concat(parts);
    }

    /** A linear frequency sweep at the given amplitude (fraction of full scale). */
    public static short[] sweep(double fromHz, double toHz, Duration d, double amplitude) {
        short[] out = new short[samples(d)];
        double phase = 0;
        for (int i = 0; i < out.length; i++) {
            double hz = fromHz + (toHz - fromHz) * i / Math.max(1, out.length - 1);
            phase += 2 * Math.PI * hz / SAMPLE_RATE;
            out[i] = clip(amplitude * 32767 * Math.sin(phase));
        }
        return out;
    }

    /**
     * Audio with the rhythm of speech, deterministic per seed: "syllables" of 80-250 ms (a
     * 100-250 Hz voice with three harmonics under a smooth attack/decay, at varying loudness)
     * separated by 30-200 ms pauses and now and then a 300-500 ms one. Two seeds give energy
     * envelopes that do not correlate, so {@link AudioCheck#similarity} tells two streams apart.
     */
    public static short[] speechLike(long seed, Duration d) {
        Random random = new Random(seed);
        short[] out = new short[samples(d)];
        int at = 0;
        while (at < out.length) {
            int syllable = SAMPLE_RATE * (80 + random.nextInt(171)) / 1000;
            double f0 = 100 + random.nextInt(151);
            double loudness = 0.15 + 0.35 * random.nextDouble();
            double glide = (random.nextDouble() - 0.5) * 0.3;
            for (int i = 0; i < syllable && at + i < out.length; i++) {
                double t = (double) i / SAMPLE_RATE;
                double envelope = Math.sin(Math.PI * i / syllable);
                double f = f0 * (1 + glide * i / syllable);
                double v = Math.sin(2 * Math.PI * f * t) + 0.6 * Math.sin(4 * Math.PI * f * t)
                        + 0.4 * Math.sin(6 * Math.PI * f * t) + 0.25 * Math.sin(10 * Math.PI * f * t);
                out[at + i] = clip(32767 * loudness * envelope * v / 2.25);
            }
            at += syllable;
            int pauseMs = random.nextInt(6) == 0 ? 300 + random.nextInt(201) : 30 + random.nextInt(171);
            at += SAMPLE_RATE * pauseMs / 1000;
        }
        return out;
    }

    public static short[] concat(short[]... parts) {
        int total = 0;
        for (short[] p : parts) {
            total += p.length;
        }
        short[] out = new short[total];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Multiplies by {@code factor}, clipping at full scale. */
    public static short[] scale(short[] samples, double factor) {
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = clip(samples[i] * factor);
        }
        return out;
    }

    static short clip(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
}
