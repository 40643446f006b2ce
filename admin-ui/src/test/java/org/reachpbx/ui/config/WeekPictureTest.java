package org.reachpbx.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.time.WeeklyWindow;
import org.reachpbx.rules.view.ScheduleEntryView;

class WeekPictureTest {

    /** The demo tenant's schedule: office hours plan 1, the whole week plan 2 (the shortest wins). */
    private static final List<ScheduleEntryView> DEMO = List.of(
            new ScheduleEntryView(0, WeeklyWindow.perDay(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "08:00", "17:00"), 1),
            new ScheduleEntryView(1, WeeklyWindow.period(DayOfWeek.MONDAY, "00:00", DayOfWeek.SUNDAY, "24:00"), 2));

    @Test
    void officeHoursShowTheOfficePlanAndTheRestTheFallback() {
        WeekPicture picture = WeekPicture.of(DEMO);
        assertThat(picture.planAt(DayOfWeek.MONDAY, 8)).isEqualTo(1);
        assertThat(picture.planAt(DayOfWeek.FRIDAY, 16)).isEqualTo(1);
        assertThat(picture.planAt(DayOfWeek.FRIDAY, 17)).isEqualTo(2);
        assertThat(picture.planAt(DayOfWeek.MONDAY, 7)).isEqualTo(2);
        assertThat(picture.planAt(DayOfWeek.SATURDAY, 10)).isEqualTo(2);
        assertThat(picture.planAt(DayOfWeek.SUNDAY, 23)).isEqualTo(2);
    }

    @Test
    void hoursNoEntryCoversHaveNoPlan() {
        WeekPicture picture = WeekPicture.of(List.of(DEMO.get(0)));
        assertThat(picture.planAt(DayOfWeek.TUESDAY, 12)).isEqualTo(1);
        assertThat(picture.planAt(DayOfWeek.TUESDAY, 18)).isNull();
        assertThat(picture.planAt(DayOfWeek.SUNDAY, 12)).isNull();
    }

    @Test
    void aWindowPastMidnightShowsOnTheNextMorning() {
        WeekPicture picture = WeekPicture.of(List.of(
                new ScheduleEntryView(0, WeeklyWindow.perDay(EnumSet.of(DayOfWeek.FRIDAY), "22:00", "02:00"), 4)));
        assertThat(picture.planAt(DayOfWeek.FRIDAY, 23)).isEqualTo(4);
        assertThat(picture.planAt(DayOfWeek.SATURDAY, 1)).isEqualTo(4);
        assertThat(picture.planAt(DayOfWeek.SATURDAY, 2)).isNull();
    }

    @Test
    void eachPlanKeepsItsColour() {
        assertThat(WeekPicture.colour(1)).isEqualTo(WeekPicture.colour(1)).isNotEqualTo(WeekPicture.colour(2));
        assertThat(WeekPicture.colour(null)).isEqualTo("#eeeeee");
    }
}
