package org.reachpbx.media.engine;

import java.util.function.Consumer;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recorder;
import org.reachpbx.media.record.Recording;

/**
 * A session's recorder tap stage: at most one running {@link Recorder}, fed one frame per tick and
 * every detected digit, and its result handed to the service once, through {@code post} (the
 * engine's event thread), however it ends: its own rule (length, silence, terminator), a new
 * recording, a stop, or the session closing. Not thread-safe: the owning session serialises access.
 */
final class RecordingTap {
    private final Consumer<Runnable> post;
    private Recorder recorder;
    private Consumer<Recording> whenDone;

    RecordingTap(Consumer<Runnable> post) {
        this.post = post;
    }

    /** Starts recording; a recording still running is handed over first, ended STOPPED. */
    void start(RecordSpec spec, Consumer<Recording> done) {
        stop();
        recorder = new Recorder(spec);
        whenDone = done;
    }

    /** Hands over a running recording, ended STOPPED; nothing when none runs. */
    void stop() {
        if (recorder != null) {
            end(Recording.End.STOPPED);
        }
    }

    /** This tick's frame ({@code len <= 0}: silence). */
    void onFrame(Codec codec, byte[] frame, int len) {
        if (recorder != null) {
            Recording.End end = recorder.onFrame(codec, frame, len);
            if (end != null) {
                end(end);
            }
        }
    }

    void onDigit(char digit) {
        if (recorder != null && recorder.onDigit(digit) != null) {
            end(Recording.End.TERMINATOR);
        }
    }

    private void end(Recording.End end) {
        Recording recording = recorder.finish(end);
        Consumer<Recording> done = whenDone;
        recorder = null;
        whenDone = null;
        post.accept(() -> done.accept(recording));
    }
}
