package org.reachpbx.ui.edge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the SIP edge (the routing server's rate limits and bans, docs/sip-edge.md) shows the admin
 * UI, and the one thing the UI may do there: lift a ban. The routing server provides it; without a
 * SIP server there is none.
 */
public interface SipEdgeStatus {

    /** A source address that is banned until {@code until}; {@code reason} e.g. FLOOD or AUTH. */
    record Ban(String address, String reason, Instant since, Instant until) {
    }

    /** The summary: limits on, the per-source limit, the bans in force, counters since start. */
    record Summary(boolean limitsOn, int requestsPerSecond, int burst, int openTcpConnections, List<String> allowlist,
                   List<Ban> bans, Map<String, Long> counters) {
    }

    Summary summary();

    /** Lifts the ban of {@code address}; false when it had none. */
    boolean lift(String address);
}
