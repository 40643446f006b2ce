package org.reachpbx.integrations.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.reachpbx.directory.integrations.DueMessage;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.directory.integrations.OutboxState;
import org.reachpbx.integrations.IntegrationsProperties;
import org.reachpbx.integrations.NoSuchResourceException;
import org.reachpbx.integrations.StateConflictException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persistent outbox: messages are written in the transaction of their cause and taken by the
 * outbox route when due. Every state change is its own short transaction.
 */
@Service
public class Outbox {

    private final OutboxMessageRepository messages;
    private final IntegrationsProperties properties;
    private final Clock clock;

    public Outbox(OutboxMessageRepository messages, IntegrationsProperties properties, Clock clock) {
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores {@code message} as PENDING and due now, with a fresh idempotency key. Joins the
     * caller's transaction, so the message exists exactly when its cause was committed.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public OutboxMessage enqueue(OutboxMessage message) {
        Instant now = clock.instant();
        message.setState(OutboxState.PENDING);
        message.setAttempts(0);
        message.setCreatedAt(now);
        message.setNextAttemptAt(now);
        if (message.getIdempotencyKey() == null) {
            message.setIdempotencyKey(UUID.randomUUID().toString());
        }
        return messages.save(message);
    }

    /**
     * The messages due now, oldest first, with their peers, read as the sender goes (pages of
     * several batches): messages waiting for a busy peer do not hide the ones for idle peers behind
     * them, however many there are. Messages not yet due (waiting out a backoff or a lease) are not
     * read at all.
     */
    public Iterable<DueMessage> due() {
        return new DueMessages(messages, clock.instant(), properties.getOutbox().getBatchSize() * 10);
    }

    /**
     * Takes a due message for one attempt (see {@link OutboxMessageRepository#claim}); empty when
     * it is no longer due or another sender took it.
     */
    @Transactional
    public Optional<OutboxMessage> claim(long id) {
        Instant now = clock.instant();
        if (messages.claim(id, now, now.plus(properties.getOutbox().getLease())) != 1) {
            return Optional.empty();
        }
        return messages.findById(id);
    }

    /** A DEAD message goes back to PENDING, due now, with its attempts counted from zero. */
    @Transactional
    public OutboxMessage retry(long id) {
        OutboxMessage m = find(id);
        if (m.getState() != OutboxState.DEAD) {
            throw new StateConflictException("outbox message " + id + " is " + m.getState()
                    + "; only a DEAD message can be retried");
        }
        m.setState(OutboxState.PENDING);
        m.setAttempts(0);
        m.setNextAttemptAt(clock.instant());
        return m;
    }

    @Transactional(readOnly = true)
    public OutboxMessage find(long id) {
        return messages.findById(id).orElseThrow(() -> new NoSuchResourceException("no outbox message " + id));
    }

    /** Newest first; null filters mean all. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> list(Long tenantId, OutboxState state, OutboxChannel channel, int limit) {
        EnumSet<OutboxState> states = state == null ? EnumSet.allOf(OutboxState.class) : EnumSet.of(state);
        EnumSet<OutboxChannel> channels = channel == null ? EnumSet.allOf(OutboxChannel.class) : EnumSet.of(channel);
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, 1000)));
        return tenantId == null ? messages.findByStateInAndChannelInOrderByIdDesc(states, channels, page)
                : messages.findByTenantIdAndStateInAndChannelInOrderByIdDesc(tenantId, states, channels, page);
    }
}
