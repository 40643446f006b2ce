package org.reachpbx.directory.integrations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The outbox: messages waiting for their peer, delivered ones and dead letters. */
public interface OutboxMessageRepository extends JpaRepository<OutboxMessage, Long> {

    /** Ids of pending messages whose next attempt is due, oldest first. */
    @Query("select m.id from OutboxMessage m where m.state = org.reachpbx.directory.integrations.OutboxState.PENDING"
            + " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
    List<Long> findDueIds(@Param("now") Instant now, Pageable page);

    /**
     * The pending messages whose next attempt is due, oldest first, with what the sender needs to
     * tell their peers apart (not their bodies).
     */
    @Query("select new org.reachpbx.directory.integrations.DueMessage(m.id, m.tenantId, m.channel, m.destination,"
            + " m.target, m.webhookEndpointId, m.nextAttemptAt) from OutboxMessage m"
            + " where m.state = org.reachpbx.directory.integrations.OutboxState.PENDING"
            + " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
    List<DueMessage> findDue(@Param("now") Instant now, Pageable page);

    /**
     * The next page of {@link #findDue}: the due messages after {@code (afterAt, afterId)} in its
     * order. Keyed on the last one read rather than an offset, so that a deep page costs what the
     * first does (the due index leads to it) and messages taken meanwhile shift nothing.
     */
    @Query("select new org.reachpbx.directory.integrations.DueMessage(m.id, m.tenantId, m.channel, m.destination,"
            + " m.target, m.webhookEndpointId, m.nextAttemptAt) from OutboxMessage m"
            + " where m.state = org.reachpbx.directory.integrations.OutboxState.PENDING"
            + " and m.nextAttemptAt <= :now"
            + " and (m.nextAttemptAt > :afterAt or (m.nextAttemptAt = :afterAt and m.id > :afterId))"
            + " order by m.nextAttemptAt, m.id")
    List<DueMessage> findDueAfter(@Param("now") Instant now, @Param("afterAt") Instant afterAt,
                                  @Param("afterId") long afterId, Pageable page);

    /**
     * Takes a due message for one attempt by moving its next attempt to the end of a lease. Only
     * one sender can win (the update counts 1); if the sender dies, the message is due again when
     * the lease ends.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboxMessage m set m.nextAttemptAt = :leaseEnd where m.id = :id"
            + " and m.state = org.reachpbx.directory.integrations.OutboxState.PENDING and m.nextAttemptAt <= :now")
    int claim(@Param("id") long id, @Param("now") Instant now, @Param("leaseEnd") Instant leaseEnd);

    List<OutboxMessage> findByStateInAndChannelInOrderByIdDesc(Collection<OutboxState> states,
                                                                Collection<OutboxChannel> channels, Pageable page);

    List<OutboxMessage> findByTenantIdAndStateInAndChannelInOrderByIdDesc(long tenantId, Collection<OutboxState> states,
                                                                          Collection<OutboxChannel> channels,
                                                                          Pageable page);

    long countByChannelAndState(OutboxChannel channel, OutboxState state);

    /** The outbox backlog on the dashboard: of all tenants, and of one. */
    long countByState(OutboxState state);

    long countByTenantIdAndState(long tenantId, OutboxState state);
}
