package org.reachpbx.server.sip.b2bua;

import org.reachpbx.rules.decision.RoutingDecision;

/**
 * Deciding again for a call in progress, after the caller keyed digits at a menu ("collect then
 * decide again"): the same call attempt with the menu, the digits and the display prefix, and the
 * live state as it is now.
 */
interface Redecide {

    RoutingDecision again(String resumeAt, String digits, String displayPrefix);

    /**
     * The caller handed to {@code extension} (a REFER from the AI service, AI-02): decided as a call
     * from the same caller to that extension.
     */
    RoutingDecision transfer(String extension);

    /**
     * The call transferred by {@code user} (on {@code channel}) to {@code dialled} (GEN-03/04): decided
     * as a call from that user, so the user's barring and external-call limit apply (CB-07, ECL-02),
     * presenting the caller's number.
     */
    RoutingDecision transferFrom(String user, String channel, String dialled);
}
