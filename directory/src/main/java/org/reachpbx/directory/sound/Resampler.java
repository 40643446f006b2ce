package org.reachpbx.directory.sound;

import java.io.ByteArrayOutputStream;

/**
 * Turns a stream of mono samples at any rate into 8 kHz 16-bit samples, as they arrive, so a long
 * file never needs all of its source samples in memory at once.
 * <p>
 * Going down in rate, the source is low-pass filtered first so that nothing above 4 kHz folds back
 * into the telephone band as noise: a windowed-sinc FIR (Blackman window, cut-off 3.5 kHz,
 * transition band about 1 kHz wide, so flat to about 3 kHz and at least 70 dB down from 4 kHz) —
 * evaluated only at the two source samples either side of each output instant — followed by
 * linear interpolation between those two filtered values. Going up (a source below 8 kHz) there is
 * nothing to fold back, and linear interpolation alone is used. An 8 kHz source passes unchanged.
 */
final class Resampler {

    static final int RATE = 8000;
    /** Centre of the filter's transition band. */
    private static final double CUT_OFF_HZ = 3500;
    /** Width of the transition band; the number of taps follows from it (Blackman: about 5.5 / width). */
    private static final double TRANSITION_HZ = 1000;

    private final double step;
    private final float[] kernel;
    private final int half;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** Source samples from absolute index {@code base} on. */
    private float[] buffer = new float[1 << 16];
    private long base;
    private int length;
    private long outputs;
    private int peak;

    Resampler(int sourceRate) {
        if (sourceRate <= 0) {
            throw new IllegalArgumentException("sample rate " + sourceRate);
        }
        this.step = sourceRate / (double) RATE;
        this.kernel = sourceRate > RATE ? lowPass(sourceRate) : new float[] {1f};
        this.half = kernel.length / 2;
    }

    /** A normalised Blackman-windowed sinc low-pass for this source rate, odd length. */
    static float[] lowPass(int sourceRate) {
        int half = (int) Math.ceil(2.75 * sourceRate / TRANSITION_HZ);
        int taps = 2 * half + 1;
        double fc = CUT_OFF_HZ / sourceRate;
        double[] h = new double[taps];
        double sum = 0;
        for (int n = 0; n < taps; n++) {
            int m = n - half;
            double sinc = m == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * m) / (Math.PI * m);
            double window = 0.42 - 0.5 * Math.cos(2 * Math.PI * n / (taps - 1)) + 0.08 * Math.cos(4 * Math.PI * n / (taps - 1));
            h[n] = sinc * window;
            sum += h[n];
        }
        float[] kernel = new float[taps];
        for (int n = 0; n < taps; n++) {
            kernel[n] = (float) (h[n] / sum);
        }
        return kernel;
    }

    /** Adds mono samples in the range −1 … 1. */
    void accept(float[] samples, int count) {
        if (length + count > buffer.length) {
            compact();
            if (length + count > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
            }
        }
        System.arraycopy(samples, 0, buffer, length, count);
        length += count;
        emit(false);
    }

    /** Emits the samples still owed once the source has ended. */
    void finish() {
        emit(true);
    }

    /** 16-bit little-endian samples at 8 kHz emitted so far. */
    byte[] pcm() {
        return out.toByteArray();
    }

    long samples() {
        return outputs;
    }

    /** The largest absolute output sample (0 … 32767). */
    int peak() {
        return peak;
    }

    private void emit(boolean end) {
        long total = base + length;
        while (true) {
            double position = outputs * step;
            long i = (long) Math.floor(position);
            if (i >= total || (!end && i + 1 + half >= total)) {
                return;
            }
            double fraction = position - i;
            double a = filtered(i, total);
            double b = fraction == 0 ? 0 : filtered(i + 1, total);
            write(a + (b - a) * fraction);
        }
    }

    /** The low-passed source at absolute index {@code i}; samples outside the source count as silence. */
    private double filtered(long i, long total) {
        if (half == 0) {
            return i < total ? buffer[(int) (i - base)] : 0;
        }
        double sum = 0;
        long from = Math.max(i - half, base);
        long to = Math.min(i + half, total - 1);
        for (long j = from; j <= to; j++) {
            sum += kernel[(int) (j - i + half)] * buffer[(int) (j - base)];
        }
        return sum;
    }

    private void write(double value) {
        int s = (int) Math.round(value * 32767);
        s = Math.max(-32768, Math.min(32767, s));
        peak = Math.max(peak, Math.abs(s));
        out.write(s & 0xff);
        out.write((s >> 8) & 0xff);
        outputs++;
    }

    /** Drops the source samples no later output needs. */
    private void compact() {
        long needed = Math.max(base, (long) Math.floor(outputs * step) - half);
        int drop = (int) Math.min(needed - base, length);
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, length - drop);
            length -= drop;
            base += drop;
        }
    }
}
