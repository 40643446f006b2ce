package org.reachpbx.media.dtmf;

import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;

/**
 * DTMF keyed as sound (in-band), for phones that offer no RFC 4733 telephone-event or whose channel
 * is set to in-band (when the session listens is {@link ToneListening}, CH-02): a Goertzel
 * filter per DTMF frequency over each 20 ms frame. A frame holds a key when one row and one column
 * frequency each stand out from the others of their group (6 dB), the two are within a normal twist
 * (8 dB either way) and carry most of the frame's energy, above a floor; speech and music rarely
 * do all of that. A key is reported once, after two such frames in a row (40 ms, the shortest
 * tone Q.24 requires to be accepted), and again only after a frame without it. Not thread-safe:
 * the owning session serialises access.
 */
public final class InbandDetector {

    private static final int[] ROWS = {697, 770, 852, 941};
    private static final int[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final char[][] KEYS = {
        {'1', '2', '3', 'A'}, {'4', '5', '6', 'B'}, {'7', '8', '9', 'C'}, {'*', '0', '#', 'D'}};
    private static final double[] ROW_COEFF = coefficients(ROWS);
    private static final double[] COLUMN_COEFF = coefficients(COLUMNS);
    /** The strongest tone of a group over each other one of its group: 6 dB in power. */
    private static final double DOMINANCE = 4.0;
    /** Row and column power within 8 dB of each other (twist). */
    private static final double TWIST = 6.3;
    /** The two tones' share of the frame's energy (1.0 for a clean key). */
    private static final double PURITY = 0.6;
    /** Mean square below this (about -45 dBFS) is too quiet to be a key. */
    private static final double FLOOR = 32768.0 * 32768.0 * 3.2e-5;

    /** Where detected keys go. */
    @FunctionalInterface
    public interface Listener {
        void digit(char digit);
    }

    private final Listener listener;
    private final short[] pcm = new short[480];
    private char candidate;
    private int frames;
    private boolean reported;

    public InbandDetector(Listener listener) {
        this.listener = listener;
    }

    /** One frame of received G.711 audio ({@code len} bytes). */
    public void onFrame(Codec codec, byte[] frame, int len) {
        int n = Math.min(len, pcm.length);
        G711.decode(codec, frame, 0, n, pcm, 0);
        char key = keyIn(pcm, n);
        if (key != 0 && key == candidate) {
            if (++frames >= 2 && !reported) {
                reported = true;
                listener.digit(key);
            }
        } else {
            candidate = key;
            frames = key == 0 ? 0 : 1;
            reported = false;
        }
    }

    /** The key whose two tones this block holds, or 0. */
    static char keyIn(short[] x, int n) {
        double energy = 0;
        for (int i = 0; i < n; i++) {
            energy += (double) x[i] * x[i];
        }
        if (n == 0 || energy / n < FLOOR) {
            return 0;
        }
        double[] rows = powers(x, n, ROW_COEFF);
        double[] columns = powers(x, n, COLUMN_COEFF);
        int r = strongest(rows);
        int c = strongest(columns);
        if (r < 0 || c < 0) {
            return 0;
        }
        double twist = rows[r] / columns[c];
        if (twist > TWIST || twist < 1 / TWIST) {
            return 0;
        }
        // A sine of amplitude A over n samples gives a Goertzel power of about (A n / 2)^2 and an
        // energy of n A^2 / 2: the two tones' share of the energy is their power over n/2 times it.
        double share = (rows[r] + columns[c]) / (energy * n / 2);
        return share < PURITY ? 0 : KEYS[r][c];
    }

    /** Index of the tone standing out from every other of its group, or -1. */
    private static int strongest(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        for (int i = 0; i < p.length; i++) {
            if (i != best && p[best] < DOMINANCE * p[i]) {
                return -1;
            }
        }
        return best;
    }

    private static double[] powers(short[] x, int n, double[] coefficients) {
        double[] out = new double[coefficients.length];
        for (int f = 0; f < coefficients.length; f++) {
            double coeff = coefficients[f];
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double s = x[i] + coeff * s1 - s2;
                s2 = s1;
                s1 = s;
            }
            out[f] = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        }
        return out;
    }

    private static double[] coefficients(int[] hz) {
        double[] c = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            c[i] = 2 * Math.cos(2 * Math.PI * hz[i] / 8000.0);
        }
        return c;
    }
}
