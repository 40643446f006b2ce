package org.reachpbx.media.record;

import java.time.Duration;
import java.util.Arrays;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;

/**
 * The recorder tap: takes one 20 ms frame per media clock tick from the {@link org.reachpbx.media.rtp.Reframer} (a gap or a
 * tick without a packet is recorded as silence, so a recording lasts as long as the caller spoke),
 * decodes it to 16-bit PCM in memory and decides when to stop: {@code maxLength}, {@code silence}
 * of continuous quiet, or the terminator digit; at the end it cuts the trailing silence down to
 * {@link RecordSpec#keepTrailingSilence} when set. Memory is bounded by the maximum length; the WAV is
 * made complete at the end, so there is never a half-written file. Not thread-safe: the owning
 * session serialises access.
 */
public final class Recorder {
    /**
     * A frame is sound when its mean absolute amplitude exceeds this (about -42 dBFS: above line
     * noise and comfort noise, below soft speech).
     */
    public static final int SILENCE_THRESHOLD = 260;
    public static final int FRAME = 160;
    private static final int INITIAL_CAPACITY = 8000 * 10;

    private final RecordSpec spec;
    private final int maxSamples;
    private final long silenceFrames;
    private short[] samples;
    private int count;
    private int voicedFrames;
    private long quietFrames;
    /** Samples of silence at the end so far (quiet frames since the last sound). */
    private int quietSamples;

    public Recorder(RecordSpec spec) {
        if (spec.maxLength() == null || spec.maxLength().isNegative() || spec.maxLength().isZero()) {
            throw new IllegalArgumentException("a recording needs a positive maximum length, not " + spec.maxLength());
        }
        this.spec = spec;
        this.maxSamples = (int) Math.min(Integer.MAX_VALUE / 4, spec.maxLength().toMillis() * 8);
        this.silenceFrames = spec.silence() == null ? Long.MAX_VALUE : Math.max(1, spec.silence().toMillis() / 20);
        this.samples = new short[Math.min(maxSamples, INITIAL_CAPACITY)];
    }

    /**
     * Records this tick's frame: {@code len} encoded bytes of {@code codec}, or silence when {@code len <= 0}.
     *
     * @return how the recording ended with this frame, or null while it goes on
     */
    public Recording.End onFrame(Codec codec, byte[] payload, int len) {
        int n = Math.min(len > 0 ? len : FRAME, maxSamples - count);
        ensure(count + n);
        if (len > 0) {
            G711.decode(codec, payload, 0, n, samples, count);
        } else {
            Arrays.fill(samples, count, count + n, (short) 0);
        }
        long energy = 0;
        for (int i = count; i < count + n; i++) {
            energy += Math.abs(samples[i]);
        }
        count += n;
        if (n > 0 && energy / n > SILENCE_THRESHOLD) {
            voicedFrames++;
            quietFrames = 0;
            quietSamples = 0;
        } else {
            quietSamples += n;
            if (++quietFrames >= silenceFrames) {
                return Recording.End.SILENCE;
            }
        }
        return count >= maxSamples ? Recording.End.MAX_LENGTH : null;
    }

    /** @return {@link Recording.End#TERMINATOR} when {@code digit} ends the recording, else null */
    public Recording.End onDigit(char digit) {
        return spec.terminator() != 0 && digit == spec.terminator() ? Recording.End.TERMINATOR : null;
    }

    /** The complete recording. */
    public Recording finish(Recording.End end) {
        int kept = count;
        if (spec.keepTrailingSilence() != null) {
            long keep = Math.max(0, spec.keepTrailingSilence().toMillis() * 8);
            kept = count - (int) Math.max(0, quietSamples - keep);
        }
        return new Recording(Wav.pcm16Mono8k(samples, kept), Duration.ofMillis(kept / 8),
                Duration.ofMillis(voicedFrames * 20L), end);
    }

    private void ensure(int needed) {
        if (needed > samples.length) {
            samples = Arrays.copyOf(samples, Math.min(maxSamples, Math.max(needed, samples.length * 2)));
        }
    }
}
