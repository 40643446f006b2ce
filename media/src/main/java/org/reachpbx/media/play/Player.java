package org.reachpbx.media.play;

import java.util.List;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;

/**
 * Plays a list of prompts as 20 ms frames: each tick takes the next 160 bytes in the session's
 * codec, running on into the next prompt inside a frame, starting over when looping, and padding
 * the very last frame with silence. Copies pre-encoded bytes only. Not thread-safe: the owning
 * session serialises access.
 */
public final class Player {
    private final List<Prompt> prompts;
    private final boolean loop;
    private final long totalSamples;
    private int index;
    private int offset;
    private boolean done;

    public Player(List<Prompt> prompts, boolean loop) {
        this.prompts = List.copyOf(prompts);
        this.loop = loop;
        this.totalSamples = this.prompts.stream().mapToLong(Prompt::samples).sum();
        this.done = totalSamples == 0;
    }

    public boolean done() {
        return done;
    }

    /**
     * Fills {@code out[off..off+len)} with the next frame.
     *
     * @return false when nothing was left to play (the frame is untouched)
     */
    public boolean nextFrame(Codec codec, byte[] out, int off, int len) {
        if (done) {
            return false;
        }
        int filled = 0;
        while (filled < len) {
            if (index == prompts.size()) {
                if (!loop) {
                    java.util.Arrays.fill(out, off + filled, off + len, G711.silence(codec));
                    done = true;
                    return true;
                }
                index = 0;
            }
            Prompt prompt = prompts.get(index);
            byte[] source = codec.inside() == Codec.PCMU ? prompt.ulaw() : prompt.alaw();
            int n = Math.min(len - filled, source.length - offset);
            System.arraycopy(source, offset, out, off + filled, n);
            filled += n;
            offset += n;
            if (offset == source.length) {
                index++;
                offset = 0;
            }
        }
        if (!loop && index == prompts.size()) {
            done = true;
        }
        return true;
    }
}
