package org.reachpbx.rules.queue;

import java.util.List;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.vocabulary.ExtensionType;

/**
 * What the queue does now, as data for the call controller: whether an arriving call joins, which
 * waiting calls to offer to which agents, which callers leave the queue and where to, 903/904
 * answers, the announcement flags for an arriving caller, and the rules that fired.
 *
 * @param admission   for an arriving call (null when none arrived)
 * @param destination where a call that does not join goes (null = busy or joined)
 * @param position    the arriving caller's position when it joins (1 = head)
 * @param agentOrder  the strategy's order of the agents for the head call (QUE-14..21), all agents
 * @param available   the agents available now (QUE-08), in rank order
 * @param inactive    members listed as inactive: logged out, keeping their rank (QUE-07, QUE-11)
 */
public record QueueDecision(String queue, Admission admission, String destination, int position,
                            List<Offer> offers, List<String> agentOrder, List<String> available,
                            List<String> inactive, List<Unavailable> unavailable, List<Redirect> redirects,
                            Login login, Announcements announcements, boolean alertEmergency,
                            List<String> warnings, List<FiredRule> trace) {

    public enum Admission {
        /** The call takes the first free position at the back (QUE-04). */
        JOIN,
        /** The queue is full; the call goes to the call-limit destination (QUE-05). */
        CALL_LIMIT_DESTINATION,
        /** The queue is full and has no call-limit destination (QUE-05). */
        BUSY,
        /** Nobody is logged in (QUE-37). */
        NO_AGENTS_DESTINATION
    }

    /** The call of {@code caller} rings these agents together for {@code ringTimeout} seconds. */
    public record Offer(String caller, List<AgentOffer> agents, int ringTimeout) {
    }

    /**
     * One agent's leg: a user's devices, or with individual forwarding the user's own REACH
     * ({@code followReach}, with its forward always in {@code forwardTo}, QUE-36); for a forward
     * extension the external {@code number} (QUE-38, FWD-02).
     */
    public record AgentOffer(String agent, ExtensionType type, String number, boolean followReach, String forwardTo) {
    }

    /** Why an agent is not available now (QUE-08, QUE-22, QUE-24 …). */
    public record Unavailable(String agent, String reason) {
    }

    /** A waiting caller leaves the queue ({@code afterCurrentFile}: when the infotainment file ends, QUE-35). */
    public record Redirect(String caller, String destination, String reason, boolean afterCurrentFile) {
    }

    /** The answer to 903 ({@code login}) or 904. */
    public record Login(String agent, boolean login, boolean accepted, boolean becomesMember, String reason) {
    }

    /** Announcement decisions for an arriving caller who joins (QUE-26..32), as flags for the media server. */
    public record Announcements(boolean joinTone, boolean intro, boolean introSkipped, boolean positionAnnouncement,
                                boolean infotainment, boolean infotainmentSuppressed, MusicOnHold musicOnHold) {
    }

    public enum MusicOnHold {
        RINGBACK, QUEUE_PLAYLIST, ACCOUNT_MOH
    }
}
