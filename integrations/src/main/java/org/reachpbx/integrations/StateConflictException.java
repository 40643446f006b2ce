package org.reachpbx.integrations;

/** A request that does not fit the current state, such as retrying a delivered message (REST: 409). */
public class StateConflictException extends RuntimeException {
    public StateConflictException(String message) {
        super(message);
    }
}
