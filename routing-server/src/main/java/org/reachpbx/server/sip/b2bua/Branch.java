package org.reachpbx.server.sip.b2bua;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.message.Request;
import org.reachpbx.rules.decision.RoutingDecision;

/**
 * One outgoing leg of a call while it rings: an INVITE to a registered contact or over the trunk.
 * It belongs to the decision (segment) that created it; answers from a segment that is no longer
 * current are not connected.
 */
final class Branch {

    final B2bCall call;
    final RoutingDecision segment;
    final String user;
    final String channel;
    final String number;
    ClientTransaction tx;
    Dialog dialog;
    Request invite;
    /** A provisional response came: a CANCEL may be sent now (RFC 3261 §9.1). */
    boolean provisional;
    /** We want this branch gone; send CANCEL as soon as that is allowed. */
    boolean cancelRequested;
    boolean cancelSent;
    /** A final response came (or the transaction timed out). */
    boolean done;
    /** The 2xx of this branch was acknowledged. */
    boolean acked;

    Branch(B2bCall call, RoutingDecision segment, String user, String channel, String number) {
        this.call = call;
        this.segment = segment;
        this.user = user;
        this.channel = channel;
        this.number = number;
    }

    boolean live() {
        return !done && !cancelRequested;
    }

    /** Who this leg calls, for logs, To and History-Info. */
    String target() {
        return user != null ? user : number;
    }

    @Override
    public String toString() {
        return "branch to " + target() + (channel == null ? "" : " on " + channel);
    }
}
