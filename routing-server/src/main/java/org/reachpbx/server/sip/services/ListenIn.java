package org.reachpbx.server.sip.services;

import java.util.List;
import org.reachpbx.media.MediaEngine;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.relay.Mixer;
import org.reachpbx.media.relay.Mixer.Role;

/**
 * A supervisor listening in on an agent's call (LSN-03, LSN-04), on the media side: the call's two
 * legs and the supervisor's leg in one {@link Mixer}. It starts in listen mode (the supervisor hears
 * both and is heard by neither) and only the agent hears the announcement that a supervisor is
 * listening; the supervisor's keys switch modes: {@code 1} listen, {@code 2} consultation (the agent
 * hears the supervisor, the caller does not). {@code 3} (switch between the agent's calls) is the
 * SIP side's, which knows the agent's calls. Ending gives the caller and agent back to a bridge.
 *
 * <p>{@link SupervisorListening} runs it for a supervisor's call to {@code 906}.
 */
public final class ListenIn implements AutoCloseable {

    /** What the supervisor does. */
    public enum Mode {
        /** Hears caller and agent, heard by neither (the start, key 1). */
        LISTEN,
        /** Hears both, heard by the agent only (key 2). */
        CONSULT
    }

    private final Mixer mixer;
    private final MediaSession caller;
    private final MediaSession agent;
    private final MediaSession supervisor;
    private Mode mode;

    private ListenIn(Mixer mixer, MediaSession caller, MediaSession agent, MediaSession supervisor) {
        this.mixer = mixer;
        this.caller = caller;
        this.agent = agent;
        this.supervisor = supervisor;
    }

    /**
     * Joins the supervisor to the bridged call of {@code caller} and {@code agent} in listen mode;
     * the agent alone hears {@code announcement} (LSN-03) while caller and supervisor hear the agent
     * go on.
     */
    public static ListenIn start(MediaEngine engine, MediaSession caller, MediaSession agent, MediaSession supervisor,
                                 List<Prompt> announcement) {
        ListenIn l = new ListenIn(engine.newMixer(), caller, agent, supervisor);
        l.mixer.add(caller, Role.SPEAK_AND_LISTEN);
        l.mixer.add(agent, Role.SPEAK_AND_LISTEN);
        l.mode(Mode.LISTEN);
        if (!announcement.isEmpty()) {
            agent.play(announcement, false, null); // the agent's own stream only: the mix resumes after it
        }
        return l;
    }

    /** A key of the supervisor (LSN-04): {@code 1} listen, {@code 2} consultation; false for a key not handled here. */
    public boolean key(char key) {
        switch (key) {
            case '1' -> mode(Mode.LISTEN);
            case '2' -> mode(Mode.CONSULT);
            default -> {
                return false;
            }
        }
        return true;
    }

    public synchronized Mode mode() {
        return mode;
    }

    private synchronized void mode(Mode next) {
        if (next == Mode.CONSULT) {
            mixer.whisper(supervisor, agent);
        } else {
            mixer.add(supervisor, Role.LISTEN_ONLY);
        }
        mode = next;
    }

    /** The supervisor leaves (hangs up): caller and agent talk through a bridge again, if both are still there. */
    @Override
    public void close() {
        mixer.close();
        caller.bridge(agent);
    }

    /** The call ended or is being handed on (a transfer): the mix ends, the sessions are left as they are. */
    public void end() {
        mixer.close();
    }
}
