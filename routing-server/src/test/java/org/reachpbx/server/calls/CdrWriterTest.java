package org.reachpbx.server.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.calls.CallDetailRecord;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.reachpbx.directory.calls.CallDisposition;
import org.reachpbx.directory.calls.CallLegRecord;
import org.reachpbx.directory.calls.CallLegRecordRepository;
import org.reachpbx.directory.calls.CallType;
import org.reachpbx.server.sip.b2bua.B2buaTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The writer's promises on the real database: a full queue drops and counts instead of blocking, a
 * clean shutdown stores what was queued, and the retention purge removes only old records.
 */
class CdrWriterTest extends B2buaTestSupport {

    @Autowired
    CallLegRecordRepository legs;
    @Autowired
    CallDetailRecordRepository records;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CdrProperties properties;

    private CallDetailRecord record(String callId, Instant endedAt) {
        CallDetailRecord r = new CallDetailRecord();
        r.setTenantId(tenantId);
        r.setCallId(callId);
        r.setStartedAt(endedAt.minusSeconds(30));
        r.setEndedAt(endedAt);
        r.setDurationSeconds(30);
        r.setDisposition(CallDisposition.NO_ANSWER);
        r.setSipStatus(480);
        r.setCallType(CallType.INTERNAL);
        return r;
    }

    @Test
    void aFullQueueDropsAndCountsAndShutdownWritesTheRest() throws Exception {
        CdrWriter writer = new CdrWriter(records, transactions, 2, false);
        Instant now = Instant.now();
        writer.record(record("writer-1@test", now));
        writer.record(record("writer-2@test", now));
        writer.record(record("writer-3@test", now));
        assertThat(writer.dropped()).isEqualTo(1);
        assertThat(writer.queued()).isEqualTo(2);

        writer.flush();
        assertThat(records.findByTenantIdAndCallId(tenantId, "writer-1@test")).hasSize(1);
        assertThat(records.findByTenantIdAndCallId(tenantId, "writer-2@test")).hasSize(1);
        assertThat(records.findByTenantIdAndCallId(tenantId, "writer-3@test")).isEmpty();
        writer.record(record("writer-4@test", now));
        assertThat(writer.dropped()).as("after shutdown nothing is taken").isEqualTo(2);
    }

    @Test
    void theRetentionPurgeRemovesRecordsOlderThanTheSetting() {
        int days = properties.getRetentionDays();
        CallDetailRecord old = record("old@test", clock.instant().minus(Duration.ofDays(days + 1)));
        CallLegRecord leg = new CallLegRecord();
        leg.setKind(CallLegRecord.Kind.RING);
        leg.setOutcome(CallLegRecord.Outcome.NO_ANSWER);
        leg.setStartedAt(old.getStartedAt());
        leg.setEndedAt(old.getEndedAt());
        old.addLeg(leg);
        long oldId = records.save(old).getId();
        assertThat(legs.ofRecords(java.util.List.of(oldId))).hasSize(1);
        records.save(record("recent@test", clock.instant().minus(Duration.ofDays(days - 1))));

        assertThat(new CdrRetention(records, properties, clock).purge()).isGreaterThanOrEqualTo(1);
        assertThat(records.findByTenantIdAndCallId(tenantId, "old@test")).isEmpty();
        assertThat(legs.ofRecords(java.util.List.of(oldId))).as("its legs go with it").isEmpty();
        assertThat(records.findByTenantIdAndCallId(tenantId, "recent@test")).hasSize(1);
    }
}
