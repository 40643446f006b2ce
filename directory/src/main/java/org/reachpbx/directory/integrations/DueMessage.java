package org.reachpbx.directory.integrations;

/** A pending outbox message that is due, as the sender sees it before taking it: who its peer is. */
public record DueMessage(long id, long tenantId, OutboxChannel channel, String destination, String target,
                         Long webhookEndpointId) {
}
