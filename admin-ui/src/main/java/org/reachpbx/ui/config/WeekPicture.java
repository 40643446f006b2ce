package org.reachpbx.ui.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.reachpbx.rules.view.ScheduleEntryView;

/**
 * The time configuration of a schema as a week of hour blocks: for each day and hour the plan the
 * schedule activates at the start of that hour, chosen as the rules choose (NP-13: the entry
 * covering the moment with the fewest minutes per week wins, then the first in the list). Holidays
 * and the manual override are not part of the weekly picture.
 */
public final class WeekPicture {

    /** A Monday, to place the weekly windows in. */
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    private final Integer[][] plans = new Integer[7][24];

    private WeekPicture() {
    }

    public static WeekPicture of(List<ScheduleEntryView> schedule) {
        WeekPicture picture = new WeekPicture();
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                LocalDateTime t = MONDAY.plusDays(d).atTime(h, 0);
                ScheduleEntryView best = null;
                for (ScheduleEntryView e : schedule) {
                    if (e.window().contains(t)
                            && (best == null || e.window().minutesPerWeek() < best.window().minutesPerWeek())) {
                        best = e;
                    }
                }
                picture.plans[d][h] = best == null ? null : best.plan();
            }
        }
        return picture;
    }

    /** The plan active at the start of this hour, or null when no entry covers it (NP-14). */
    public Integer planAt(DayOfWeek day, int hour) {
        return plans[day.getValue() - 1][hour];
    }

    /** A colour per plan number, the same plan always the same colour. */
    public static String colour(Integer plan) {
        if (plan == null) {
            return "#eeeeee";
        }
        String[] palette = {"#8fd19e", "#f5a3a3", "#9fc5f8", "#ffe599", "#d5a6bd", "#b4a7d6", "#f9cb9c", "#a2c4c9"};
        return palette[Math.floorMod(plan - 1, palette.length)];
    }
}
