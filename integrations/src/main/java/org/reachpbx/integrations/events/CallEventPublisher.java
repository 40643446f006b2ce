package org.reachpbx.integrations.events;

/**
 * What the server calls for every call event. The implementation writes the resulting deliveries
 * (CRM webhooks) into the outbox in the caller's transaction when there is one, so an event is
 * either stored with its cause or not at all; it never sends on the caller's thread.
 */
public interface CallEventPublisher {

    /** Queues the event for every interested webhook endpoint; returns how many deliveries were queued. */
    int publish(CallEvent event);
}
