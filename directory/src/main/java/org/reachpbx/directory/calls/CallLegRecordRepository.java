package org.reachpbx.directory.calls;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The legs of call detail records, read for a page of records at once (never one query per record). */
public interface CallLegRecordRepository extends JpaRepository<CallLegRecord, Long> {

    @Query("select l from CallLegRecord l where l.record.id in :records order by l.record.id, l.position")
    List<CallLegRecord> ofRecords(@Param("records") Collection<Long> recordIds);
}
