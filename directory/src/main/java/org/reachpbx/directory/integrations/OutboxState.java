package org.reachpbx.directory.integrations;

/** PENDING until the peer accepted it (DELIVERED), or until the attempts ran out (DEAD, re-triable). */
public enum OutboxState {
    PENDING, DELIVERED, DEAD
}
