package org.reachpbx.rules.services;

/** Allowed (with the action data), refused (with reason and announcement), or ask the caller first. */
public enum ServiceOutcome {
    ALLOWED, REFUSED, COLLECT
}
