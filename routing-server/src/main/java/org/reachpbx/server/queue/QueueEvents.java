package org.reachpbx.server.queue;

import java.time.Duration;
import java.time.Instant;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;

/**
 * What happened to a queue's calls, as the statistics need it (QUE-39: enter, answer, abandon,
 * leave to a continuation, talk and wrap-up). Called by the queue runtime, one event at a time.
 */
public interface QueueEvents {

    /** A call reached the queue (offered to it); {@code joined} false when it went elsewhere at once. */
    default void entered(QueueKey queue, String callId, Instant at, boolean joined) {
    }

    /** {@code agent} answered after the caller waited {@code waited}. */
    default void answered(QueueKey queue, String callId, String agent, Instant at, Duration waited) {
    }

    /** The caller hung up while waiting. */
    default void abandoned(QueueKey queue, String callId, Instant at, Duration waited) {
    }

    /** The caller left to a continuation (exit key, max wait, no agents: {@code reason}). */
    default void left(QueueKey queue, String callId, String reason, Instant at, Duration waited) {
    }

    /** The agent's queue call ended after {@code talk}; wrap-up of {@code wrapUp} follows. */
    default void talked(QueueKey queue, String agent, Instant at, Duration talk, Duration wrapUp) {
    }

    QueueEvents NONE = new QueueEvents() {
    };
}
