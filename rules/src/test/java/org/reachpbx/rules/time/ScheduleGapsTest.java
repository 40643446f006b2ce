package org.reachpbx.rules.time;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NP-14: the spans of the week without any schedule entry. */
class ScheduleGapsTest {
    static final WeeklyWindow OFFICE =
            WeeklyWindow.perDay(EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), "08:00", "18:00");

    @Test
    void aWholeWeekFallbackLeavesNoGap() {
        assertThat(ScheduleGaps.of(List.of(OFFICE, WeeklyWindow.period(MONDAY, "00:00", SUNDAY, "24:00")))).isEmpty();
    }

    @Test
    void officeHoursOnlyLeaveTheNightsAndOneSpanOverTheWeekend() {
        List<ScheduleGaps.Gap> gaps = ScheduleGaps.of(List.of(OFFICE));
        assertThat(gaps).extracting(Object::toString).containsExactly(
                "MONDAY 18:00 -> TUESDAY 08:00",
                "TUESDAY 18:00 -> WEDNESDAY 08:00",
                "WEDNESDAY 18:00 -> THURSDAY 08:00",
                "THURSDAY 18:00 -> FRIDAY 08:00",
                "FRIDAY 18:00 -> MONDAY 08:00");
        assertThat(gaps.get(4).minutes()).isEqualTo(62 * 60);
    }

    @Test
    void aWeekendPeriodClosesTheWeekendGap() {
        List<ScheduleGaps.Gap> gaps = ScheduleGaps.of(List.of(OFFICE, WeeklyWindow.period(FRIDAY, "18:00", MONDAY, "08:00")));
        assertThat(gaps).hasSize(4);
        assertThat(gaps).extracting(ScheduleGaps.Gap::fromDay).containsExactly(MONDAY, TUESDAY, WEDNESDAY, THURSDAY);
    }

    @Test
    void noEntriesAtAllIsOneGapOfTheWholeWeek() {
        List<ScheduleGaps.Gap> gaps = ScheduleGaps.of(List.of());
        assertThat(gaps).extracting(Object::toString).containsExactly("MONDAY 00:00 -> SUNDAY 24:00");
        assertThat(gaps.get(0).minutes()).isEqualTo(7 * 1440);
    }

    @Test
    void aGapEndingAtTheEndOfSundayEndsAt2400() {
        WeeklyWindow untilSaturday = WeeklyWindow.period(MONDAY, "00:00", SATURDAY, "24:00");
        assertThat(ScheduleGaps.of(List.of(untilSaturday))).extracting(Object::toString)
                .containsExactly("SUNDAY 00:00 -> SUNDAY 24:00");
    }

    @Test
    void aGapInsideOneDay() {
        WeeklyWindow morning = WeeklyWindow.period(MONDAY, "00:00", THURSDAY, "12:00");
        WeeklyWindow afternoon = WeeklyWindow.period(THURSDAY, "12:30", MONDAY, "00:00");
        assertThat(ScheduleGaps.of(List.of(morning, afternoon))).extracting(Object::toString)
                .containsExactly("THURSDAY 12:00 -> THURSDAY 12:30");
    }
}
