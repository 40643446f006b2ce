package org.reachpbx.directory.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.queue.QueueCallEvent.Kind;
import org.reachpbx.directory.queue.QueueStatistics.AgentRow;
import org.reachpbx.directory.queue.QueueStatistics.Interval;
import org.reachpbx.directory.queue.QueueStatistics.Row;

/**
 * QUE-39: a scripted hour of queue 400 (09:00–10:00 Amsterdam, 08:00–09:00 UTC) summed per hour,
 * per quarter and per day of the tenant's clock: every figure exactly as the script says.
 */
class QueueStatisticsTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final List<QueueCallEvent> events = new ArrayList<>();

    private static Instant at(String localTime) {
        return LocalDateTime.parse("2026-12-07T" + localTime).atZone(AMSTERDAM).toInstant();
    }

    private void event(String time, Kind kind, String agent, long wait, long talk, long wrapUp) {
        QueueCallEvent e = new QueueCallEvent();
        e.setTenantId(1);
        e.setQueueNumber("400");
        e.setKind(kind);
        e.setAgent(agent);
        e.setHappenedAt(at(time));
        e.setWaitSeconds(wait);
        e.setTalkSeconds(talk);
        e.setWrapUpSeconds(wrapUp);
        events.add(e);
    }

    /** Six calls: two answered (one within the 20 s service level), two abandoned, one left, one not admitted. */
    private void scriptedHour() {
        event("09:01:00", Kind.ENTERED, null, 0, 0, 0);
        event("09:01:10", Kind.ANSWERED, "201", 10, 0, 0);
        event("09:05:10", Kind.TALKED, "201", 0, 240, 30);
        event("09:10:00", Kind.ENTERED, null, 0, 0, 0);
        event("09:10:45", Kind.ABANDONED, null, 45, 0, 0);
        event("09:20:00", Kind.ENTERED, null, 0, 0, 0);
        event("09:20:30", Kind.ANSWERED, "202", 30, 0, 0);
        event("09:30:30", Kind.TALKED, "202", 0, 600, 30);
        event("09:40:00", Kind.ENTERED, null, 0, 0, 0);
        event("09:50:00", Kind.ENTERED, null, 0, 0, 0);
        event("09:52:00", Kind.LEFT, null, 120, 0, 0);
        event("09:58:00", Kind.ENTERED, null, 0, 0, 0);
        event("09:58:05", Kind.ABANDONED, null, 5, 0, 0);
    }

    @Test
    void theHourMatchesTheScriptExactly() {
        scriptedHour();
        List<Row> rows = QueueStatistics.of(events, at("09:00:00"), at("10:00:00"), AMSTERDAM, Interval.HOUR, 20);
        assertThat(rows).hasSize(1);
        Row h = rows.get(0);
        assertThat(h.start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-07T09:00"));
        assertThat(h.end().toInstant()).isEqualTo(at("10:00:00"));
        assertThat(h.offered()).isEqualTo(6);
        assertThat(h.answered()).isEqualTo(2);
        assertThat(h.answeredWithinServiceLevel()).isEqualTo(1);
        assertThat(h.abandoned()).isEqualTo(2);
        assertThat(h.abandonedAverageWaitSeconds()).isEqualTo(25);
        assertThat(h.left()).isEqualTo(1);
        assertThat(h.averageWaitSeconds()).isEqualTo(20);
        assertThat(h.longestWaitSeconds()).isEqualTo(120);
        assertThat(h.talkSeconds()).isEqualTo(840);
        assertThat(h.wrapUpSeconds()).isEqualTo(60);
        assertThat(h.serviceLevelPercent()).as("1 of 2 answered + 2 abandoned").isEqualTo(25);
        assertThat(h.agents()).containsExactly(new AgentRow("201", 1, 240, 30), new AgentRow("202", 1, 600, 30));
    }

    @Test
    void quartersSplitTheHourAtTheTenantsQuarterHours() {
        scriptedHour();
        List<Row> rows = QueueStatistics.of(events, at("09:00:00"), at("10:00:00"), AMSTERDAM, Interval.QUARTER, 20);
        assertThat(rows).extracting(Row::offered).containsExactly(2, 1, 1, 2);
        assertThat(rows).extracting(Row::answered).containsExactly(1, 1, 0, 0);
        assertThat(rows).extracting(Row::abandoned).containsExactly(1, 0, 0, 1);
        assertThat(rows).extracting(Row::talkSeconds).containsExactly(240L, 0L, 600L, 0L);
        assertThat(rows).extracting(Row::serviceLevelPercent).containsExactly(50, 0, null, 0);
        assertThat(rows.get(3).start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-07T09:45"));
    }

    @Test
    void aDayRunsFromTheTenantsMidnightNotUtcs() {
        scriptedHour();
        event("23:30:00", Kind.ENTERED, null, 0, 0, 0); // 22:30 UTC: still the 7th in Amsterdam
        List<Row> rows = QueueStatistics.of(events, Instant.parse("2026-12-06T23:00:00Z"),
                Instant.parse("2026-12-07T23:00:00Z"), AMSTERDAM, Interval.DAY, 20);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-07T00:00"));
        assertThat(rows.get(0).offered()).isEqualTo(7);
    }

    @Test
    void tooManyIntervalsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> QueueStatistics.of(List.of(), Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), AMSTERDAM, Interval.QUARTER, 20))
                .hasMessageContaining("choose a longer interval");
    }
}
