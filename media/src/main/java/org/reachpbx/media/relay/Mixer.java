package org.reachpbx.media.relay;

import java.util.Set;
import org.reachpbx.media.MediaSession;

/**
 * A conference of sessions, for what a two-leg {@link MediaSession#bridge bridge} cannot do:
 * three-way calls, listen-in/whisper (a supervisor hears both legs and is heard by none, or by the
 * agent only) and barge-in. Designed, not yet implemented.
 *
 * <p>Intended implementation, on the same media clock as everything else: every tick, take each
 * member's jitter-buffer frame (as the recorder tap does), decode it once to 16-bit PCM, and send
 * each member the sum of the frames it may hear minus its own, saturated and encoded in its own
 * codec (µ-law/A-law tables), through its session's outgoing stream (so SSRC, sequence numbers and
 * timestamps stay continuous). A two-member mixer of speakers degenerates to a bridge and should
 * use the bridge (no transcoding, no added delay). RFC 4733 events are reported per member via
 * {@link MediaSession#onDigit} and not mixed.
 */
public interface Mixer extends AutoCloseable {

    /** What a member does in the mix. */
    enum Role {
        /** Hears everyone who speaks, is heard by everyone (three-way call). */
        SPEAK_AND_LISTEN,
        /** Hears everyone, is heard by nobody (listen-in). */
        LISTEN_ONLY,
        /** Is heard, hears nothing of the mix (a prompt or music source). */
        SPEAK_ONLY
    }

    /** Adds a session (ending any bridge it is in), or changes its role. */
    void add(MediaSession session, Role role);

    /** Whisper: {@code listener} is heard only by {@code target} (coaching an agent). */
    void whisper(MediaSession listener, MediaSession target);

    /** Takes a session out of the mix; it keeps its ports and can be bridged again. */
    void remove(MediaSession session);

    Set<MediaSession> members();

    /** Removes every member; idempotent. */
    @Override
    void close();
}
