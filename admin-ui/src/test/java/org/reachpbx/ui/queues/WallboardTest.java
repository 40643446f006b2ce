package org.reachpbx.ui.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.queue.QueueCallEvent;
import org.reachpbx.directory.queue.QueueStatistics;
import org.reachpbx.ui.queues.QueueBoard.Agent;
import org.reachpbx.ui.queues.QueueBoard.AgentState;
import org.reachpbx.ui.queues.QueueBoard.QueueNow;

/** The wallboard's view model and the day chart (QUE-39), from live state and a day's statistics. */
class WallboardTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void aTileCountsTheWaitingCallersTheLongestWaitTheAgentsByStateAndTodaysServiceLevel() {
        QueueNow sales = new QueueNow("400", "Verkoop", List.of(95L, 12L, 40L), List.of(
                new Agent("201", AgentState.AVAILABLE), new Agent("202", AgentState.RINGING),
                new Agent("203", AgentState.WRAP_UP), new Agent("204", AgentState.LOGGED_OUT)));
        QueueNow empty = new QueueNow("401", "Spoed", List.of(), List.of(new Agent("205", AgentState.IN_CALL)));
        List<QueueStatistics.Row> day = QueueStatistics.of(events(), at("00:00"), at("00:00").plusSeconds(86_400),
                AMSTERDAM, QueueStatistics.Interval.DAY, 20);

        List<Wallboard.Tile> tiles = Wallboard.tiles(List.of(sales, empty), Map.of("400", day.get(0)));

        Wallboard.Tile t = tiles.get(0);
        assertThat(t.waiting()).isEqualTo(3);
        assertThat(t.longestWaitSeconds()).isEqualTo(95);
        assertThat(Wallboard.minutes(t.longestWaitSeconds())).isEqualTo("1:35");
        assertThat(t.available()).isEqualTo(1);
        assertThat(t.busy()).as("ringing and wrap-up").isEqualTo(2);
        assertThat(t.loggedOut()).isEqualTo(1);
        assertThat(t.answeredToday()).isEqualTo(2);
        assertThat(t.abandonedToday()).isEqualTo(1);
        assertThat(t.serviceLevelToday()).as("1 within 20 s of 2 answered + 1 abandoned").isEqualTo(33);
        Wallboard.Tile e = tiles.get(1);
        assertThat(e.waiting()).isZero();
        assertThat(e.longestWaitSeconds()).isZero();
        assertThat(e.busy()).isEqualTo(1);
        assertThat(e.serviceLevelToday()).as("no statistics yet").isNull();
    }

    @Test
    void theDayChartDrawsOneBarPerHourWithCallsAndAbandonedOnTop() {
        List<QueueStatistics.Row> hours = QueueStatistics.of(events(), at("00:00"), at("00:00").plusSeconds(86_400),
                AMSTERDAM, QueueStatistics.Interval.HOUR, 20);
        String svg = DayChart.svg(hours);
        assertThat(hours).hasSize(24);
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg.split("class=\"answered\"", -1)).as("two hours with answered calls").hasSize(3);
        assertThat(svg.split("class=\"abandoned\"", -1)).as("one hour with an abandoned call").hasSize(2);
        assertThat(svg).contains("<title>09:00 1 / 1</title>").contains(">12:00</text>");
    }

    private static Instant at(String time) {
        return LocalDateTime.parse("2026-12-07T" + time).atZone(AMSTERDAM).toInstant();
    }

    private static List<QueueCallEvent> events() {
        List<QueueCallEvent> list = new ArrayList<>();
        list.add(event("09:01", QueueCallEvent.Kind.ANSWERED, 10));
        list.add(event("09:30", QueueCallEvent.Kind.ABANDONED, 50));
        list.add(event("14:10", QueueCallEvent.Kind.ANSWERED, 45));
        return list;
    }

    private static QueueCallEvent event(String time, QueueCallEvent.Kind kind, long wait) {
        QueueCallEvent e = new QueueCallEvent();
        e.setQueueNumber("400");
        e.setKind(kind);
        e.setAgent(kind == QueueCallEvent.Kind.ANSWERED ? "201" : null);
        e.setHappenedAt(at(time));
        e.setWaitSeconds(wait);
        return e;
    }
}
