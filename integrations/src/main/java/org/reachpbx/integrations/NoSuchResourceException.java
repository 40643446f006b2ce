package org.reachpbx.integrations;

/** A tenant, box, message, endpoint or outbox message that does not exist (REST: 404). */
public class NoSuchResourceException extends RuntimeException {
    public NoSuchResourceException(String message) {
        super(message);
    }
}
