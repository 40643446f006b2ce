package org.reachpbx.rules.queue;

import java.time.Instant;
import java.util.List;

/**
 * The live state of one queue and its agents at one moment: the input of
 * {@link QueueEngine#decide}. Everything the platform knows (who is logged in, in a call, ringing,
 * in wrap-up, reachable; per-agent statistics since login) comes from the call controller.
 *
 * @param now        the moment decided for (null = the clock's)
 * @param arriving   a call arriving at the queue now, to admit or not (null = none)
 * @param waiting    the callers already waiting, in any order (FIFO is by join time, QUE-04)
 * @param agents     the agents' live state; members without an entry are logged out
 * @param lastOffered the agent offered the previous call of this queue (round robin, QUE-17); null =
 *                   the agent with the latest {@code lastOfferedAt}
 * @param login      an extension dialling 903 for this queue now (QUE-10), or null
 * @param logout     an extension dialling 904 for this queue now (QUE-11), or null
 * @param randomSeed seed of the random strategy (QUE-21), so a decision can be replayed
 */
public record QueueState(Instant now, Caller arriving, List<Caller> waiting, List<Agent> agents, String lastOffered,
                         String login, String logout, long randomSeed) {

    public QueueState {
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /**
     * A caller. {@code introPlaying}/{@code infotainmentPlaying}: what the caller hears now;
     * {@code keyed}: a key pressed now ("1" = exit option, QUE-34); {@code triedAgents}: agents
     * offered this call in the current cycle who did not answer (QUE-14, QUE-23).
     */
    public record Caller(String id, Instant joinedAt, boolean introPlaying, boolean infotainmentPlaying, String keyed,
                         List<String> triedAgents) {
        public Caller {
            triedAgents = triedAgents == null ? List.of() : List.copyOf(triedAgents);
        }

        public static Caller arriving(String id) {
            return new Caller(id, null, false, false, null, List.of());
        }

        public static Caller waitingSince(String id, Instant joinedAt) {
            return new Caller(id, joinedAt, false, false, null, List.of());
        }
    }

    /**
     * An agent (member, or an open queue's user who logged in with 903). {@code calls}: calls up
     * now (for a forward-extension agent: queue calls through it, QUE-38); {@code queueCallRinging}:
     * a call of any queue rings at the agent now; {@code lastCallEndedAt}: end of the last queue call
     * (wrap-up counts from there, QUE-22/A8); statistics since login (QUE-18..20); {@code reachable}:
     * on a device that can ring (QUE-08 f); {@code otherQueues}: calls waiting for the agent in other
     * queues (QUE-24, QUE-25).
     */
    public record Agent(String extension, boolean loggedIn, int calls, boolean queueCallRinging,
                        Instant lastCallEndedAt, Instant lastOfferedAt, int answeredCalls, long talkTimeSeconds,
                        boolean reachable, List<OtherQueueCall> otherQueues) {
        public Agent {
            otherQueues = otherQueues == null ? List.of() : List.copyOf(otherQueues);
        }

        /** A logged-in, idle, reachable agent without statistics. */
        public static Agent idle(String extension) {
            return new Agent(extension, true, 0, false, null, null, 0, 0, true, List.of());
        }

        /** A member without live state: logged out (QUE-07, QUE-11). */
        public static Agent loggedOut(String extension) {
            return new Agent(extension, false, 0, false, null, null, 0, 0, true, List.of());
        }
    }

    /** The longest-waiting call of another queue the agent serves, with that queue's weight. */
    public record OtherQueueCall(String queue, int weight, boolean emergency, Instant oldestJoinedAt) {
    }
}
