package org.reachpbx.server.sip.edge;

import java.util.List;
import org.reachpbx.ui.edge.SipEdgeStatus;

/** The SIP edge as the admin UI's SIP edge view sees it (the same as {@code GET /api/sip/edge}). */
public final class SipEdgeUiStatus implements SipEdgeStatus {

    private final SipEdge edge;

    public SipEdgeUiStatus(SipEdge edge) {
        this.edge = edge;
    }

    @Override
    public Summary summary() {
        SipEdge.Snapshot s = edge.snapshot();
        List<Ban> bans = s.bans().stream()
                .map(b -> new Ban(b.address(), b.reason().name(), b.since(), b.until())).toList();
        return new Summary(s.enabled(), s.requestsPerSecond(), s.burst(), s.openTcpConnections(), s.allowlist(), bans,
                s.counters());
    }

    @Override
    public boolean lift(String address) {
        return edge.unban(address);
    }
}
