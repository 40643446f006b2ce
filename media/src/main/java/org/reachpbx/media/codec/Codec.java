package org.reachpbx.media.codec;

/**
 * The audio codecs the engine speaks, with their payload types (RFC 3551 static ones for G.711; a
 * dynamic one we offer for Opus, whatever type the far end chose wins in an answer) and RTP clock.
 * Inside, the engine plays, records and detects tones on 8 kHz G.711 frames ({@link #inside()}):
 * an Opus leg is decoded to, and encoded from, 8 kHz at its edge ({@link OpusFrames}).
 */
public enum Codec {
    PCMU(0, "PCMU", 8000, 1, false),
    PCMA(8, "PCMA", 8000, 1, false),
    /** RFC 7587: always announced as opus/48000/2, whatever the audio's real rate and channels. */
    OPUS(111, "opus", 48000, 2, true);

    public final int payloadType;
    public final String encodingName;
    /** The RTP timestamp rate. */
    public final int clockRate;
    /** The channel count the rtpmap names. */
    public final int channels;
    /** Whether the payload type is chosen per session (rtpmap needed) rather than fixed by RFC 3551. */
    public final boolean dynamic;

    Codec(int payloadType, String encodingName, int clockRate, int channels, boolean dynamic) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
        this.clockRate = clockRate;
        this.channels = channels;
        this.dynamic = dynamic;
    }

    /** The rtpmap encoding, e.g. {@code PCMA/8000} or {@code opus/48000/2}. */
    public String rtpmap() {
        return encodingName + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }

    /** RTP timestamp units per 20 ms frame. */
    public int samplesPerFrame() {
        return clockRate / 50;
    }

    /** The G.711 codec the engine works in for this codec's audio (µ-law for Opus). */
    public Codec inside() {
        return this == OPUS ? PCMU : this;
    }

    /** Whether frames of this codec are G.711 bytes (one per sample), which the engine handles as they are. */
    public boolean isG711() {
        return this != OPUS;
    }
}
