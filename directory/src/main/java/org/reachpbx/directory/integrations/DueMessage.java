package org.reachpbx.directory.integrations;

import java.time.Instant;

/**
 * A pending outbox message that is due, as the sender sees it before taking it: who its peer is,
 * and when it became due (with the id, where the next page of due messages starts).
 */
public record DueMessage(long id, long tenantId, OutboxChannel channel, String destination, String target,
                         Long webhookEndpointId, Instant nextAttemptAt) {
}
