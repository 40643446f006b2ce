package org.reachpbx.server.queue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.reachpbx.rules.queue.QueueState;

/**
 * The live state of the queues (ACD): who waits in which queue since when, which agents are logged
 * in, and what each agent is doing (ringing, in a queue call, since when idle, statistics since
 * login). One interface so that a shared store can back it when the server scales out; today
 * {@link InMemoryQueueLiveState}. Agents are per tenant (an agent in several queues is one person:
 * ringing or in a call in one queue makes them unavailable in all of them).
 */
public interface QueueLiveState {

    /** A queue of a tenant. */
    record QueueKey(long tenantId, String queue) {
    }

    /**
     * A caller waiting: {@code introPlaying} while the intro plays (not offered yet, QUE-31);
     * {@code offered} while the call rings at agents; {@code tried} the agents that did not answer
     * in this cycle (QUE-14, QUE-23).
     */
    record Waiting(String callId, Instant joinedAt, boolean introPlaying, boolean offered, List<String> tried) {
        public Waiting {
            tried = List.copyOf(tried);
        }
    }

    // ---- callers ----

    void join(QueueKey queue, String callId, Instant at, boolean introPlaying);

    /** The intro ended (or was not played): the caller may be offered now. */
    void introEnded(QueueKey queue, String callId);

    /** The call rings at agents ({@code true}) or came back to the queue ({@code false}). */
    void offered(QueueKey queue, String callId, boolean offered);

    void tried(QueueKey queue, String callId, String agent);

    /** The caller leaves the queue (answered, redirected, hung up); false when it was not waiting. */
    boolean leave(QueueKey queue, String callId);

    /** The callers waiting in the queue, longest waiting first. */
    List<Waiting> waiting(QueueKey queue);

    /** The queues with callers waiting now. */
    Set<QueueKey> busyQueues();

    // ---- agents ----

    /** 903 (or an admin): the agent takes calls of this queue (QUE-10). */
    void login(QueueKey queue, String agent);

    /** 904: the queue stops offering calls to the agent; its statistics since login reset (QUE-11, QUE-19). */
    void logout(QueueKey queue, String agent);

    Set<String> loggedIn(QueueKey queue);

    /** A queue call rings at the agent now (true) or stopped ringing (false). */
    void ringing(long tenantId, String agent, boolean ringing);

    /** The queue offered the agent a call (round robin, longest idle: QUE-17, QUE-18). */
    void offeredTo(QueueKey queue, String agent, Instant at);

    /** The agent answered a queue call: in a call now. */
    void callStarted(QueueKey queue, String agent);

    /** The agent's queue call ended after {@code talkSeconds}: wrap-up starts now (QUE-22). */
    void callEnded(QueueKey queue, String agent, Instant at, long talkSeconds);

    /** The agent as the queue engine sees it (members without login come back logged out). */
    QueueState.Agent agent(QueueKey queue, String agent);

    /** The agent the queue offered its previous call (QUE-17), or null. */
    String lastOffered(QueueKey queue);
}
