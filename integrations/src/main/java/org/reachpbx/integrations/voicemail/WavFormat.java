package org.reachpbx.integrations.voicemail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.reachpbx.integrations.InvalidInputException;

/**
 * What the server needs to know of a voicemail WAV: that it is a RIFF/WAVE file sampled at 8 kHz
 * (telephone audio, as the media engine records it) and how long it plays. Any 8 kHz encoding is
 * accepted (PCM, A-law, µ-law); the duration comes from the data size and the byte rate.
 */
public record WavFormat(int encoding, int channels, int sampleRate, int bitsPerSample, long dataBytes,
                        long durationMillis) {

    public static final int TELEPHONE_RATE = 8000;

    /** Reads the header of {@code wav}; refuses anything that is not an 8 kHz RIFF/WAVE file. */
    public static WavFormat read(byte[] wav) {
        if (wav == null || wav.length < 12 || !ascii(wav, 0).equals("RIFF") || !ascii(wav, 8).equals("WAVE")) {
            throw new InvalidInputException("the audio is not a WAV file (it must start with a RIFF/WAVE header)");
        }
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        Integer encoding = null;
        int channels = 0;
        int rate = 0;
        int byteRate = 0;
        int bits = 0;
        while (pos + 8 <= wav.length) {
            String id = ascii(wav, pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ") && size >= 16 && body + 16 <= wav.length) {
                encoding = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2) & 0xffff;
                rate = b.getInt(body + 4);
                byteRate = b.getInt(body + 8);
                bits = b.getShort(body + 14) & 0xffff;
            } else if (id.equals("data")) {
                if (encoding == null) {
                    break;
                }
                if (rate != TELEPHONE_RATE) {
                    throw new InvalidInputException("the WAV is sampled at " + rate + " Hz; voicemail audio must be "
                            + TELEPHONE_RATE + " Hz (8 kHz)");
                }
                if (byteRate <= 0 || channels <= 0) {
                    throw new InvalidInputException("the WAV format chunk is invalid (byte rate " + byteRate
                            + ", channels " + channels + ")");
                }
                // A streamed recorder may leave the size at its maximum: count what is there.
                long data = Math.min(size, wav.length - body);
                return new WavFormat(encoding, channels, rate, bits, data, data * 1000 / byteRate);
            }
            pos = body + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - body);
        }
        throw new InvalidInputException("the WAV has no format chunk followed by a data chunk");
    }

    private static String ascii(byte[] bytes, int offset) {
        return offset + 4 <= bytes.length ? new String(bytes, offset, 4, StandardCharsets.US_ASCII) : "";
    }
}
