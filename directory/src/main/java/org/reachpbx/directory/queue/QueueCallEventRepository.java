package org.reachpbx.directory.queue;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Queue call events: written by the queue runtime, summed into statistics by the API and the admin UI. */
public interface QueueCallEventRepository extends JpaRepository<QueueCallEvent, Long> {

    /** A queue's events in [from, to), oldest first. */
    @Query("""
            select e from QueueCallEvent e
            where e.tenantId = :tenant and e.queueNumber = :queue and e.happenedAt >= :from and e.happenedAt < :to
            order by e.happenedAt, e.id""")
    List<QueueCallEvent> between(@Param("tenant") long tenantId, @Param("queue") String queue,
                                 @Param("from") Instant from, @Param("to") Instant to);

    /** The retention purge. */
    @Modifying
    @Transactional
    @Query("delete from QueueCallEvent e where e.happenedAt < :cutoff")
    int deleteBefore(@Param("cutoff") Instant cutoff);
}
