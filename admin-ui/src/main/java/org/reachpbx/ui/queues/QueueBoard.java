package org.reachpbx.ui.queues;

import java.util.List;

/**
 * The queues' live state as the wallboard shows it: who waits how long, and what each agent does.
 * The routing server provides it from its queue live state; without one the wallboard is empty.
 */
public interface QueueBoard {

    enum AgentState { AVAILABLE, RINGING, IN_CALL, WRAP_UP, LOGGED_OUT }

    record Agent(String extension, AgentState state) {
    }

    /** One queue now: the seconds each caller has waited (longest first) and its agents. */
    record QueueNow(String number, String name, List<Long> waitingSeconds, List<Agent> agents) {
        public QueueNow {
            waitingSeconds = List.copyOf(waitingSeconds);
            agents = List.copyOf(agents);
        }
    }

    /** The tenant's queues, in number order. */
    List<QueueNow> queues(long tenantId);
}
