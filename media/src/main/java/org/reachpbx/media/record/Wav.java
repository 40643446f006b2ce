package org.reachpbx.media.record;

/** Writes 8 kHz 16-bit mono PCM samples as a complete RIFF/WAVE file (44-byte header, little-endian). */
public final class Wav {
    public static final int HEADER = 44;
    private static final int RATE = 8000;

    private Wav() {
    }

    public static byte[] pcm16Mono8k(short[] samples, int count) {
        int dataBytes = count * 2;
        byte[] wav = new byte[HEADER + dataBytes];
        ascii(wav, 0, "RIFF");
        le32(wav, 4, 36 + dataBytes);
        ascii(wav, 8, "WAVE");
        ascii(wav, 12, "fmt ");
        le32(wav, 16, 16);
        le16(wav, 20, 1); // PCM
        le16(wav, 22, 1); // mono
        le32(wav, 24, RATE);
        le32(wav, 28, RATE * 2);
        le16(wav, 32, 2);
        le16(wav, 34, 16);
        ascii(wav, 36, "data");
        le32(wav, 40, dataBytes);
        for (int i = 0; i < count; i++) {
            le16(wav, HEADER + 2 * i, samples[i]);
        }
        return wav;
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) s.charAt(i);
        }
    }

    private static void le16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void le32(byte[] b, int at, int v) {
        le16(b, at, v);
        le16(b, at + 2, v >> 16);
    }
}
