package org.reachpbx.media.relay;

import java.util.Set;
import org.reachpbx.media.MediaSession;

/**
 * A conference of sessions, for what a two-leg {@link MediaSession#bridge bridge} cannot do:
 * three-way calls, listen-in/whisper (a supervisor hears both legs and is heard by none, or by the
 * agent only) and barge-in. Made by {@link org.reachpbx.media.MediaEngine#newMixer()}.
 *
 * <p>On the one media clock, every tick: each member's jitter-buffer frame (what the recorder tap
 * sees) is decoded once to 16-bit PCM; each member that listens is sent the sum of the frames it
 * may hear, never its own, saturated and encoded in its own codec, through its session's outgoing
 * stream (so SSRC, sequence numbers and timestamps stay continuous when a call moves from a bridge
 * into a mixer and back). A member hearing nobody gets silence frames, so its phone keeps a steady
 * stream. What the mix adds to a call is one tick (20 ms) of delay and the G.711 requantisation;
 * a two-party call should therefore stay on a bridge.
 *
 * <p>A member's own prompt or RFC 4733 digit wins over the mix on that member's stream (e.g. the
 * agent alone hears "a supervisor is listening" while caller and supervisor go on hearing the
 * agent). Digits are reported per member by {@link MediaSession#onDigit} and never mixed.
 *
 * <p>Thread-safe; a session is in at most one mixer, and adding it ends any bridge it is in,
 * bridging a member takes it out of its mixer, and a closed session leaves by itself.
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

    /** Adds a session (ending any bridge or other mixer it is in), or changes its role (ending a whisper). */
    void add(MediaSession session, Role role);

    /**
     * Whisper: {@code listener} hears everyone and is heard only by {@code target} (coaching an
     * agent); adds either when not yet a member (target as {@link Role#SPEAK_AND_LISTEN}).
     * {@link #add} with a role ends the whisper.
     */
    void whisper(MediaSession listener, MediaSession target);

    /** Takes a session out of the mix; it keeps its ports and can be bridged again. Nothing when not a member. */
    void remove(MediaSession session);

    Set<MediaSession> members();

    /** The member's role, null when not a member. */
    Role roleOf(MediaSession session);

    /** Removes every member; idempotent. The mixer cannot be used afterwards. */
    @Override
    void close();
}
