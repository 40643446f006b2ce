package org.reachpbx.server.sip.media;

/**
 * A service the server runs on a call it answered: a short script of building blocks (play, record,
 * collect digits) on a {@link ServedCall}. Every step runs under the call's lock, one at a time.
 */
public interface MediaScript {

    /** Nothing to run: the caller waits (the server rings someone for them meanwhile). */
    MediaScript WAIT = call -> { };

    /** The call is answered and media flows: begin. */
    void start(ServedCall call);

    /**
     * The caller hung up. Return true when the script still needs the session (e.g. a recording that
     * is being finished); it then calls {@link ServedCall#release()} when done.
     */
    default boolean callerHungUp(ServedCall call) {
        return false;
    }
}
