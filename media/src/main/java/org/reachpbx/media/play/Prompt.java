package org.reachpbx.media.play;

/**
 * A sound ready to send: 8 kHz audio pre-encoded in both µ-law and A-law, so a playing session
 * copies bytes and never transcodes. Made by {@link PromptLibrary} or from WAV bytes.
 */
public final class Prompt {
    private final String name;
    private final byte[] ulaw;
    private final byte[] alaw;

    public Prompt(String name, byte[] ulaw, byte[] alaw) {
        this.name = name;
        this.ulaw = ulaw;
        this.alaw = alaw;
    }

    public String name() {
        return name;
    }

    /** Length in samples (8 per millisecond). */
    public int samples() {
        return ulaw.length;
    }

    public byte[] ulaw() {
        return ulaw;
    }

    public byte[] alaw() {
        return alaw;
    }
}
