package org.reachpbx.server.sip.b2bua;

import org.reachpbx.rules.decision.RoutingDecision;

/**
 * Deciding again for a call in progress, after the caller keyed digits at a menu ("collect then
 * decide again"): the same call attempt with the menu, the digits and the display prefix, and the
 * live state as it is now.
 */
@FunctionalInterface
interface Redecide {

    RoutingDecision again(String resumeAt, String digits, String displayPrefix);

    /** For calls that never ask for digits (tests). */
    Redecide NONE = (at, digits, prefix) -> null;
}
