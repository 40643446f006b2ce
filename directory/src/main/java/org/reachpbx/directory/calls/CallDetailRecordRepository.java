package org.reachpbx.directory.calls;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Call detail records: written in batches by the server, read by the API and the admin UI. */
public interface CallDetailRecordRepository extends JpaRepository<CallDetailRecord, Long> {

    /**
     * A tenant's calls that started in [from, to), newest first. {@code number} (optional) matches
     * part of the caller's number, the number dialled, the final destination or either extension;
     * {@code user} (optional) keeps the calls that extension made, answered or was dialled on.
     */
    @Query("""
            select c from CallDetailRecord c
            where c.tenantId = :tenant and c.startedAt >= :from and c.startedAt < :to
              and (:number is null or c.callerNumber like concat('%', :number, '%')
                   or c.dialled like concat('%', :number, '%') or c.finalDestination like concat('%', :number, '%')
                   or c.callerUser = :number or c.answeredByUser = :number)
              and (:user is null or c.callerUser = :user or c.answeredByUser = :user or c.dialled = :user)
              and (:disposition is null or c.disposition = :disposition)
            order by c.startedAt desc, c.id desc""")
    Page<CallDetailRecord> search(@Param("tenant") long tenantId, @Param("from") Instant from, @Param("to") Instant to,
                                  @Param("number") String number, @Param("user") String user,
                                  @Param("disposition") CallDisposition disposition, Pageable page);

    /** When the calls of a tenant since {@code since} started, for the dashboard's calls per minute. */
    @Query("select c.startedAt from CallDetailRecord c where c.tenantId = :tenant and c.startedAt >= :since")
    List<Instant> startsSince(@Param("tenant") long tenantId, @Param("since") Instant since);

    /** As {@link #startsSince(long, Instant)}, over every tenant (the platform admin's dashboard). */
    @Query("select c.startedAt from CallDetailRecord c where c.startedAt >= :since")
    List<Instant> allStartsSince(@Param("since") Instant since);

    /**
     * Calls over each trunk since {@code since}, of one tenant or (null) of all: rows of trunk name,
     * disposition and count, for the dashboard's trunk state.
     */
    @Query("""
            select c.trunk, c.disposition, count(c) from CallDetailRecord c
            where c.trunk is not null and c.startedAt >= :since and (:tenant is null or c.tenantId = :tenant)
            group by c.trunk, c.disposition""")
    List<Object[]> trunkCallsSince(@Param("tenant") Long tenantId, @Param("since") Instant since);

    List<CallDetailRecord> findByTenantIdAndCallId(long tenantId, String callId);

    /** The retention purge: records of calls that ended before {@code cutoff}. */
    @Modifying
    @Transactional
    @Query("delete from CallDetailRecord c where c.endedAt < :cutoff")
    int deleteEndedBefore(@Param("cutoff") Instant cutoff);
}
