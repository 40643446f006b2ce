package org.reachpbx.media.testing;

/**
 * ITU-T G.711 µ-law and A-law, after the public-domain Sun reference (g711.c). Written here
 * again, apart from the engine's codec, so the test peer is an independent witness.
 */
public final class G711 {
    private static final int ULAW_BIAS = 0x84;
    private static final int[] ULAW_SEGMENT_END = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
    private static final int[] ALAW_SEGMENT_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    private G711() {
    }

    public static byte linearToUlaw(short sample) {
        int pcm = sample >> 2;
        int mask;
        if (pcm < 0) {
            pcm = -pcm;
            mask = 0x7F;
        } else {
            mask = 0xFF;
        }
        if (pcm > 8159) {
            pcm = 8159;
        }
        pcm += ULAW_BIAS >> 2;
        int seg = segment(pcm, ULAW_SEGMENT_END);
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int value = (seg << 4) | ((pcm >> (seg + 1)) & 0x0F);
        return (byte) (value ^ mask);
    }

    public static short ulawToLinear(byte code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + ULAW_BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS);
    }

    public static byte linearToAlaw(short sample) {
        int pcm = sample >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int seg = segment(pcm, ALAW_SEGMENT_END);
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int value = seg << 4;
        value |= seg < 2 ? (pcm >> 1) & 0x0F : (pcm >> seg) & 0x0F;
        return (byte) (value ^ mask);
    }

    public static short alawToLinear(byte code) {
        int a = (code & 0xFF) ^ 0x55;
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
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    public static byte[] encodeUlaw(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = linearToUlaw(samples[i]);
        }
        return out;
    }

    public static byte[] encodeAlaw(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = linearToAlaw(samples[i]);
        }
        return out;
    }

    public static short[] decodeUlaw(byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = ulawToLinear(codes[i]);
        }
        return out;
    }

    public static short[] decodeAlaw(byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = alawToLinear(codes[i]);
        }
        return out;
    }

    /** Encodes for a static G.711 payload type: 0 (PCMU) or 8 (PCMA). */
    public static byte[] encode(int payloadType, short[] samples) {
        return switch (payloadType) {
            case 0 -> encodeUlaw(samples);
            case 8 -> encodeAlaw(samples);
            default -> throw new IllegalArgumentException("payload type " + payloadType + " is not G.711 (0 or 8)");
        };
    }

    /** Decodes a static G.711 payload type: 0 (PCMU) or 8 (PCMA). */
    public static short[] decode(int payloadType, byte[] payload) {
        return switch (payloadType) {
            case 0 -> decodeUlaw(payload);
            case 8 -> decodeAlaw(payload);
            default -> throw new IllegalArgumentException("payload type " + payloadType + " is not G.711 (0 or 8)");
        };
    }

    public static boolean isG711(int payloadType) {
        return payloadType == 0 || payloadType == 8;
    }

    private static int segment(int value, int[] ends) {
        for (int i = 0; i < ends.length; i++) {
            if (value <= ends[i]) {
                return i;
            }
        }
        return ends.length;
    }
}
