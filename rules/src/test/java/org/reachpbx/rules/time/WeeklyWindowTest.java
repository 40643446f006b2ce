package org.reachpbx.rules.time;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Weekly windows in the manual's two forms (NP-13, REACH-07) and the TBR day range (TBR-03). */
class WeeklyWindowTest {
    // 2026-11-23 is a Monday.
    static LocalDateTime at(String local) {
        return LocalDateTime.parse(local);
    }

    static final Set<java.time.DayOfWeek> WORKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    @Nested
    class PerDay {
        final WeeklyWindow office = WeeklyWindow.perDay(WORKDAYS, "08:00", "17:00");

        @Test
        void startIsInclusiveAndEndExclusive() {
            assertThat(office.contains(at("2026-11-24T08:00"))).isTrue();
            assertThat(office.contains(at("2026-11-24T16:59"))).isTrue();
            assertThat(office.contains(at("2026-11-24T17:00"))).isFalse();
            assertThat(office.contains(at("2026-11-24T07:59"))).isFalse();
        }

        @Test
        void onlyOnTheChosenDays() {
            assertThat(office.contains(at("2026-11-27T10:00"))).isTrue();   // Friday
            assertThat(office.contains(at("2026-11-28T10:00"))).isFalse();  // Saturday
            assertThat(office.contains(at("2026-11-29T10:00"))).isFalse();  // Sunday
        }

        @Test
        void noDaysMeansEveryDay() {
            WeeklyWindow lunch = WeeklyWindow.perDay(Set.of(), "12:00", "13:00");
            assertThat(lunch.contains(at("2026-11-29T12:30"))).isTrue();
            assertThat(lunch.minutesPerWeek()).isEqualTo(7 * 60);
        }

        @Test
        void anEndBeforeTheStartRunsPastMidnightIntoTheNextDay() {
            WeeklyWindow night = WeeklyWindow.perDay(EnumSet.of(FRIDAY), "22:00", "06:00");
            assertThat(night.contains(at("2026-11-27T22:00"))).isTrue();   // Friday evening
            assertThat(night.contains(at("2026-11-28T05:59"))).isTrue();   // Saturday morning
            assertThat(night.contains(at("2026-11-28T06:00"))).isFalse();
            assertThat(night.contains(at("2026-11-27T05:00"))).isFalse();  // Friday morning: not a chosen evening before
            assertThat(night.contains(at("2026-11-28T22:30"))).isFalse();  // Saturday evening
            assertThat(night.minutesPerWeek()).isEqualTo(8 * 60);
        }

        @Test
        void anEndOfMidnightMeansUntilTheEndOfTheDay() {
            WeeklyWindow evening = WeeklyWindow.perDay(EnumSet.of(FRIDAY), "22:00", "00:00");
            assertThat(evening.contains(at("2026-11-27T23:59"))).isTrue();
            assertThat(evening.contains(at("2026-11-28T00:00"))).isFalse();
            assertThat(evening.minutesPerWeek()).isEqualTo(120);
            WeeklyWindow untilTwentyFour = WeeklyWindow.perDay(EnumSet.of(FRIDAY), "22:00", "24:00");
            assertThat(untilTwentyFour.contains(at("2026-11-27T23:59"))).isTrue();
            assertThat(untilTwentyFour.contains(at("2026-11-28T00:00"))).isFalse();
            assertThat(untilTwentyFour.minutesPerWeek()).isEqualTo(120);
        }

        @Test
        void minutesPerWeekCountsEveryChosenDay() {
            assertThat(office.minutesPerWeek()).isEqualTo(5 * 9 * 60);
        }
    }

    @Nested
    class PerPeriod {
        final WeeklyWindow weekend = WeeklyWindow.period(FRIDAY, "18:00", MONDAY, "08:00");

        @Test
        void aSpanAcrossTheWeekEnd() {
            assertThat(weekend.contains(at("2026-11-27T17:59"))).isFalse();
            assertThat(weekend.contains(at("2026-11-27T18:00"))).isTrue();
            assertThat(weekend.contains(at("2026-11-28T12:00"))).isTrue();
            assertThat(weekend.contains(at("2026-11-29T23:59"))).isTrue();
            assertThat(weekend.contains(at("2026-11-30T07:59"))).isTrue();
            assertThat(weekend.contains(at("2026-11-30T08:00"))).isFalse();
            assertThat(weekend.contains(at("2026-11-25T12:00"))).isFalse();
            assertThat(weekend.minutesPerWeek()).isEqualTo(62 * 60);
        }

        @Test
        void theWholeWeek() {
            WeeklyWindow week = WeeklyWindow.period(MONDAY, "00:00", SUNDAY, "24:00");
            assertThat(week.contains(at("2026-11-23T00:00"))).isTrue();
            assertThat(week.contains(at("2026-11-29T23:59"))).isTrue();
            assertThat(week.contains(at("2026-11-26T13:37"))).isTrue();
            assertThat(week.minutesPerWeek()).isEqualTo(7 * 1440);
        }

        @Test
        void aSpanInsideOneWeek() {
            WeeklyWindow midweek = WeeklyWindow.period(TUESDAY, "12:00", THURSDAY, "09:30");
            assertThat(midweek.contains(at("2026-11-24T11:59"))).isFalse();
            assertThat(midweek.contains(at("2026-11-25T03:00"))).isTrue();
            assertThat(midweek.contains(at("2026-11-26T09:29"))).isTrue();
            assertThat(midweek.contains(at("2026-11-26T09:30"))).isFalse();
            assertThat(midweek.minutesPerWeek()).isEqualTo(45 * 60 + 30);
        }

        @Test
        void theShortestOfOverlappingEntriesIsTheMostSpecific() {
            WeeklyWindow week = WeeklyWindow.period(MONDAY, "00:00", SUNDAY, "24:00");
            WeeklyWindow office = WeeklyWindow.perDay(WORKDAYS, "08:00", "17:00");
            assertThat(office.minutesPerWeek()).isLessThan(weekend.minutesPerWeek());
            assertThat(weekend.minutesPerWeek()).isLessThan(week.minutesPerWeek());
        }
    }

    @Test
    void dailyOnDaysIsADailyWindowOnEachDayOfTheRangeCountedForward() {
        WeeklyWindow fridayToMonday = WeeklyWindow.dailyOnDays(FRIDAY, MONDAY, "09:00", "12:00");
        assertThat(fridayToMonday.contains(at("2026-11-29T11:00"))).isTrue();   // Sunday
        assertThat(fridayToMonday.contains(at("2026-11-30T09:00"))).isTrue();   // Monday
        assertThat(fridayToMonday.contains(at("2026-11-24T11:00"))).isFalse();  // Tuesday
        assertThat(fridayToMonday.contains(at("2026-11-29T12:00"))).isFalse();  // end exclusive
        assertThat(fridayToMonday.minutesPerWeek()).isEqualTo(4 * 180);
        WeeklyWindow oneDay = WeeklyWindow.dailyOnDays(WEDNESDAY, WEDNESDAY, "08:00", "17:00");
        assertThat(oneDay.minutesPerWeek()).isEqualTo(540);
    }

    @Test
    void minutesOfTheDay() {
        assertThat(WeeklyWindow.minutes("00:00")).isZero();
        assertThat(WeeklyWindow.minutes("08:30")).isEqualTo(510);
        assertThat(WeeklyWindow.minutes("24:00")).isEqualTo(1440);
    }

    @Nested
    class NextBoundary {
        final WeeklyWindow office = WeeklyWindow.perDay(WORKDAYS, "08:00", "17:00");

        @Test
        void insideTheWindowTheNextBoundaryIsItsEnd() {
            assertThat(office.nextBoundaryAfter(at("2026-11-24T10:00"), 7)).isEqualTo(at("2026-11-24T17:00"));
        }

        @Test
        void outsideItIsTheNextStartEvenAfterTheWeekend() {
            assertThat(office.nextBoundaryAfter(at("2026-11-27T17:30"), 7)).isEqualTo(at("2026-11-30T08:00"));
        }

        @Test
        void secondsAreIgnored() {
            assertThat(office.nextBoundaryAfter(LocalDateTime.parse("2026-11-24T16:59:30"), 7))
                    .isEqualTo(at("2026-11-24T17:00"));
        }

        @Test
        void aPastMidnightWindowEndsOnTheNextDay() {
            WeeklyWindow night = WeeklyWindow.perDay(EnumSet.of(FRIDAY), "22:00", "06:00");
            assertThat(night.nextBoundaryAfter(at("2026-11-27T23:00"), 7)).isEqualTo(at("2026-11-28T06:00"));
        }

        @Test
        void aWindowThatNeverChangesHasNoBoundary() {
            WeeklyWindow week = WeeklyWindow.period(MONDAY, "00:00", SUNDAY, "24:00");
            assertThat(week.nextBoundaryAfter(at("2026-11-24T10:00"), 7)).isNull();
        }

        @Test
        void theHorizonLimitsTheSearch() {
            assertThat(office.nextBoundaryAfter(at("2026-11-27T17:30"), 1)).isNull();
        }
    }
}
