package org.reachpbx.rules.decision;

/** One rule that fired: its name, the FEATURES.md requirement it implements, and what it decided. */
public record FiredRule(String rule, String requirement, String detail) {
}
