package org.reachpbx.server.sip.media;

/**
 * The outcome of ringing agents for a caller the server answered (a queue offer, QUE-09, QUE-23):
 * called under the call's lock, at most one of {@link #answered} and {@link #notAnswered}, then
 * {@link #ended} once the bridged call is over.
 */
public interface AgentRing {

    /** {@code user} answered: the caller is bridged to them; the queue's script is done. */
    void answered(String user);

    /** Nobody answered within the time, or every leg failed: the caller is the script's again. */
    void notAnswered();

    /** The bridged call ended (either side hung up). */
    void ended();
}
