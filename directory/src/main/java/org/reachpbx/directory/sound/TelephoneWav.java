package org.reachpbx.directory.sound;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The one format stored and handed to the media plane: RIFF/WAVE, PCM, 8 kHz, mono, 16-bit little-endian. */
public final class TelephoneWav {

    public static final int RATE = Resampler.RATE;
    public static final int HEADER_BYTES = 44;

    private TelephoneWav() {
    }

    /** A WAV file around 16-bit little-endian mono samples at 8 kHz. */
    public static byte[] of(byte[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
        return b.array();
    }
}
