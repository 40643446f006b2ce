package org.reachpbx.media.codec;

/**
 * G.711 µ-law and A-law (ITU-T G.711, the classic Sun reference algorithm) through lookup tables:
 * decoding is one array read, encoding one array read on the 16-bit sample, and converting between
 * the two laws (bridging a PCMU leg to a PCMA leg) is one array read per byte. Tables cost 130 KB
 * once; a 20 ms frame costs well under a microsecond.
 */
public final class G711 {
    /** µ-law code of digital silence (decodes to 0). */
    public static final byte ULAW_SILENCE = (byte) 0xFF;
    /** A-law code of digital silence (decodes to +8, the smallest step). */
    public static final byte ALAW_SILENCE = (byte) 0xD5;

    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;
    private static final int[] ALAW_SEG_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];
    private static final byte[] ULAW_ENCODE = new byte[65536];
    private static final byte[] ALAW_ENCODE = new byte[65536];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_DECODE[i] = (short) ulawDecode(i);
            ALAW_DECODE[i] = (short) alawDecode(i);
        }
        for (int i = 0; i < 65536; i++) {
            ULAW_ENCODE[i] = (byte) ulawEncode((short) i);
            ALAW_ENCODE[i] = (byte) alawEncode((short) i);
        }
        for (int i = 0; i < 256; i++) {
            ULAW_TO_ALAW[i] = ALAW_ENCODE[ULAW_DECODE[i] & 0xFFFF];
            ALAW_TO_ULAW[i] = ULAW_ENCODE[ALAW_DECODE[i] & 0xFFFF];
        }
    }

    private G711() {
    }

    public static short ulawToLinear(byte ulaw) {
        return ULAW_DECODE[ulaw & 0xFF];
    }

    public static short alawToLinear(byte alaw) {
        return ALAW_DECODE[alaw & 0xFF];
    }

    public static byte linearToUlaw(int pcm) {
        return ULAW_ENCODE[clamp(pcm) & 0xFFFF];
    }

    public static byte linearToAlaw(int pcm) {
        return ALAW_ENCODE[clamp(pcm) & 0xFFFF];
    }

    public static byte ulawToAlaw(byte ulaw) {
        return ULAW_TO_ALAW[ulaw & 0xFF];
    }

    public static byte alawToUlaw(byte alaw) {
        return ALAW_TO_ULAW[alaw & 0xFF];
    }

    /** Decodes {@code len} bytes of {@code codec} into 16-bit samples. */
    public static void decode(Codec codec, byte[] in, int off, int len, short[] out, int outOff) {
        short[] table = codec.inside() == Codec.PCMU ? ULAW_DECODE : ALAW_DECODE;
        for (int i = 0; i < len; i++) {
            out[outOff + i] = table[in[off + i] & 0xFF];
        }
    }

    /** Encodes samples into {@code codec} bytes. */
    public static void encode(Codec codec, short[] in, int off, int len, byte[] out, int outOff) {
        byte[] table = codec.inside() == Codec.PCMU ? ULAW_ENCODE : ALAW_ENCODE;
        for (int i = 0; i < len; i++) {
            out[outOff + i] = table[in[off + i] & 0xFFFF];
        }
    }

    /** Converts a payload in place from one law to the other; nothing when {@code from == to}. */
    public static void transcode(Codec from, Codec to, byte[] buf, int off, int len) {
        if (from.inside() == to.inside()) {
            return;
        }
        byte[] table = from.inside() == Codec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW;
        for (int i = off; i < off + len; i++) {
            buf[i] = table[buf[i] & 0xFF];
        }
    }

    /** The silence byte of a codec, for padding and gaps. */
    public static byte silence(Codec codec) {
        return codec.inside() == Codec.PCMU ? ULAW_SILENCE : ALAW_SILENCE;
    }

    private static short clamp(int pcm) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, pcm));
    }

    private static int ulawEncode(short sample) {
        int pcm = sample;
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        if (pcm > ULAW_CLIP) {
            pcm = ULAW_CLIP;
        }
        pcm += ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return ~(sign | (exponent << 4) | mantissa) & 0xFF;
    }

    private static int ulawDecode(int ulaw) {
        int u = ~ulaw & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int sample = (((mantissa << 3) + ULAW_BIAS) << exponent) - ULAW_BIAS;
        return sign != 0 ? -sample : sample;
    }

    private static int alawEncode(short sample) {
        int pcm = sample >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int seg = 0;
        while (seg < 8 && pcm > ALAW_SEG_END[seg]) {
            seg++;
        }
        if (seg >= 8) {
            return (0x7F ^ mask) & 0xFF;
        }
        int aval = seg << 4;
        aval |= seg < 2 ? (pcm >> 1) & 0x0F : (pcm >> seg) & 0x0F;
        return (aval ^ mask) & 0xFF;
    }

    private static int alawDecode(int alaw) {
        int a = (alaw ^ 0x55) & 0xFF;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        switch (seg) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= seg - 1;
            }
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
