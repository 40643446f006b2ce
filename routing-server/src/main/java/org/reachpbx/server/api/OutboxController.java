package org.reachpbx.server.api;

import java.time.Instant;
import java.util.List;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxState;
import org.reachpbx.integrations.outbox.Outbox;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox of e-mail, SMS, webhook and message-waiting deliveries: what waits (PENDING), what
 * went out (DELIVERED) and the dead letters (DEAD), which can be sent again.
 */
@RestController
@RequestMapping("/api/outbox")
public class OutboxController {

    private final Outbox outbox;

    public OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One outbox message; {@code body} only when asked for one message. */
    public record OutboxView(long id, long tenantId, OutboxChannel channel, OutboxState state, String destination,
                             String subject, int attempts, Instant createdAt, Instant nextAttemptAt,
                             Instant lastAttemptAt, String lastError, Instant deliveredAt, String idempotencyKey,
                             Long voicemailMessageId, Long webhookEndpointId, String box, String body) {
        static OutboxView of(OutboxMessage m, boolean withBody) {
            return new OutboxView(m.getId(), m.getTenantId(), m.getChannel(), m.getState(), m.getDestination(),
                    m.getSubject(), m.getAttempts(), m.getCreatedAt(),
                    m.getState() == OutboxState.PENDING ? m.getNextAttemptAt() : null, m.getLastAttemptAt(),
                    m.getLastError(), m.getDeliveredAt(), m.getIdempotencyKey(), m.getVoicemailMessageId(),
                    m.getWebhookEndpointId(), m.getBox(), withBody ? m.getBody() : null);
        }
    }

    /** Newest first, at most {@code limit} (default 100, at most 1000). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<OutboxView> list(@RequestParam(required = false) OutboxState state,
                                 @RequestParam(required = false) OutboxChannel channel,
                                 @RequestParam(required = false) Long tenant,
                                 @RequestParam(defaultValue = "100") int limit) {
        return outbox.list(tenant, state, channel, limit).stream().map(m -> OutboxView.of(m, false)).toList();
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public OutboxView get(@PathVariable long id) {
        return OutboxView.of(outbox.find(id), true);
    }

    /** A DEAD message goes back to PENDING, due now, attempts from zero; 409 for any other state. */
    @Audited("Outbox: retry")
    @PostMapping(value = "/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    public OutboxView retry(@PathVariable long id) {
        OutboxView again = OutboxView.of(outbox.retry(id), false);
        ApiAudit.note(again.tenantId(), "message " + again.id() + " (" + again.channel() + ")");
        return again;
    }
}
