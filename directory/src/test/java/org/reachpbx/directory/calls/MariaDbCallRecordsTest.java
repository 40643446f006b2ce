package org.reachpbx.directory.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.reachpbx.directory.testsupport.MariaDbTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Call detail records on MariaDB (issue 17): the V10 migration applies and matches the entity, a
 * batch stores, the search filters by tenant, time, number, extension and disposition, newest
 * first, and the retention purge removes only what ended before the cutoff.
 */
@SpringBootTest
@EnabledIf("mariaDbWanted")
class MariaDbCallRecordsTest {

    @Autowired
    CallDetailRecordRepository records;
    @Autowired
    CallLegRecordRepository legs;
    @Autowired
    JdbcTemplate jdbc;

    static boolean mariaDbWanted() {
        return MariaDbTestDatabase.wanted();
    }

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) throws SQLException {
        MariaDbTestDatabase.useFreshDatabase(registry, "_cdr");
    }

    private static CallDetailRecord record(long tenant, String callId, String caller, String user, Instant start,
                                           CallDisposition disposition) {
        CallDetailRecord r = new CallDetailRecord();
        r.setTenantId(tenant);
        r.setCallId(callId);
        r.setCallerNumber(caller);
        r.setCallerName("Zoë ☎");
        r.setCallerUser(user);
        r.setDialled("0301230002");
        r.setStartedAt(start);
        r.setEndedAt(start.plusSeconds(60));
        r.setAnsweredAt(disposition == CallDisposition.ANSWERED ? start.plusSeconds(5) : null);
        r.setDurationSeconds(60);
        r.setBillableSeconds(disposition == CallDisposition.ANSWERED ? 55 : 0);
        r.setDisposition(disposition);
        r.setSipStatus(disposition == CallDisposition.ANSWERED ? 200 : 486);
        r.setCallType(CallType.EXTERNAL);
        r.setRuleIds("REACH-01,CB-03");
        r.setRuleTrace("x".repeat(4000));
        CallLegRecord leg = new CallLegRecord();
        leg.setKind(CallLegRecord.Kind.RING);
        leg.setTarget("201");
        leg.setOutcome(disposition == CallDisposition.ANSWERED ? CallLegRecord.Outcome.ANSWERED
                : CallLegRecord.Outcome.BUSY);
        leg.setStartedAt(start);
        leg.setEndedAt(start.plusSeconds(60));
        r.addLeg(leg);
        return r;
    }

    @Test
    void recordsStoreSearchAndPurge() {
        assertThat(jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '10' and success = 1", Integer.class))
                .isEqualTo(1);
        Instant t = Instant.parse("2026-12-01T10:00:00.123456Z");
        records.saveAll(List.of(
                record(1, "a@x", "0612345678", null, t, CallDisposition.ANSWERED),
                record(1, "b@x", "0698765432", "201", t.plusSeconds(60), CallDisposition.BUSY),
                record(1, "c@x", "0612345678", null, t.minusSeconds(86_400 * 30L), CallDisposition.BUSY),
                record(2, "d@x", "0612345678", null, t, CallDisposition.ANSWERED)));

        Page<CallDetailRecord> tenant1 = records.search(1, t.minusSeconds(3600), t.plusSeconds(3600), null, null, null,
                PageRequest.of(0, 10));
        assertThat(tenant1.getContent()).extracting(CallDetailRecord::getCallId).containsExactly("b@x", "a@x");
        assertThat(tenant1.getContent().get(1).getStartedAt()).isEqualTo(t);
        assertThat(tenant1.getContent().get(1).getCallerName()).isEqualTo("Zoë ☎");
        assertThat(records.search(1, t.minusSeconds(3600), t.plusSeconds(3600), "345678", null, null,
                PageRequest.of(0, 10)).getContent()).extracting(CallDetailRecord::getCallId).containsExactly("a@x");
        assertThat(records.search(1, t.minusSeconds(3600), t.plusSeconds(3600), null, "201", null,
                PageRequest.of(0, 10)).getContent()).extracting(CallDetailRecord::getCallId).containsExactly("b@x");
        assertThat(records.search(1, t.minusSeconds(3600), t.plusSeconds(3600), null, null, CallDisposition.ANSWERED,
                PageRequest.of(0, 10)).getContent()).extracting(CallDetailRecord::getCallId).containsExactly("a@x");
        assertThat(records.startsSince(1, t.minusSeconds(1))).hasSize(2);

        long aId = records.findByTenantIdAndCallId(1, "a@x").get(0).getId();
        long cId = records.findByTenantIdAndCallId(1, "c@x").get(0).getId();
        assertThat(legs.ofRecords(List.of(aId))).extracting(CallLegRecord::getOutcome)
                .containsExactly(CallLegRecord.Outcome.ANSWERED);
        assertThat(jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '15' and success = 1", Integer.class))
                .isEqualTo(1);

        assertThat(records.deleteEndedBefore(t.minusSeconds(86_400))).isEqualTo(1);
        assertThat(records.findByTenantIdAndCallId(1, "c@x")).isEmpty();
        assertThat(legs.ofRecords(List.of(cId))).as("the purge removes the legs with their record").isEmpty();
        assertThat(legs.ofRecords(List.of(aId))).hasSize(1);
        assertThat(records.findByTenantIdAndCallId(1, "a@x")).hasSize(1);
    }
}
