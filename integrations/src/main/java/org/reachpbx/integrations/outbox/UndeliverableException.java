package org.reachpbx.integrations.outbox;

/** A message that can never be delivered (its webhook endpoint was removed): DEAD at once. */
public class UndeliverableException extends RuntimeException {
    public UndeliverableException(String message) {
        super(message);
    }
}
