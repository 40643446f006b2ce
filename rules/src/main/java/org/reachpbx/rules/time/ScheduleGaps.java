package org.reachpbx.rules.time;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The spans of the week that no window covers (NP-14): a schema whose schedule has such a gap has
 * no active plan then, and its numbers cannot be reached. Computed to the minute in local time,
 * off the call path (configuration warnings). A gap that runs across the week end (Sunday into
 * Monday) is one span, listed where it starts.
 */
public final class ScheduleGaps {
    private static final int DAY = 1440;
    private static final int WEEK = 7 * DAY;
    /** A Monday 00:00 to walk the week from; any Monday will do, the windows are weekly. */
    private static final LocalDateTime MONDAY = LocalDateTime.of(2024, 1, 1, 0, 0);

    private ScheduleGaps() {
    }

    /** One uncovered span, start inclusive, end exclusive ("24:00" for the end of Sunday). */
    public record Gap(DayOfWeek fromDay, String from, DayOfWeek toDay, String to) {
        /** Minutes in this span. */
        public int minutes() {
            int span = Math.floorMod(weekMinute(toDay, to) - weekMinute(fromDay, from), WEEK);
            return span == 0 ? WEEK : span;
        }

        @Override
        public String toString() {
            return fromDay + " " + from + " -> " + toDay + " " + to;
        }
    }

    /** The uncovered spans in the order they start in the week (Monday first); empty when the whole week is covered. */
    public static List<Gap> of(Collection<WeeklyWindow> windows) {
        boolean[] covered = new boolean[WEEK];
        for (int m = 0; m < WEEK; m++) {
            LocalDateTime t = MONDAY.plusMinutes(m);
            for (WeeklyWindow w : windows) {
                if (w.contains(t)) {
                    covered[m] = true;
                    break;
                }
            }
        }
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int m = 0; m <= WEEK; m++) {
            boolean free = m < WEEK && !covered[m];
            if (free && start < 0) {
                start = m;
            } else if (!free && start >= 0) {
                runs.add(new int[] {start, m});
                start = -1;
            }
        }
        // A gap at the end of Sunday that goes on at Monday 00:00 is one span across the week end.
        if (runs.size() > 1 && runs.get(0)[0] == 0 && runs.get(runs.size() - 1)[1] == WEEK) {
            int[] first = runs.remove(0);
            int[] last = runs.remove(runs.size() - 1);
            runs.add(new int[] {last[0], first[1]});
        }
        List<Gap> gaps = new ArrayList<>();
        for (int[] r : runs) {
            gaps.add(new Gap(day(r[0]), hhmm(r[0] % DAY), day(r[1] == WEEK ? WEEK - 1 : r[1]),
                    r[1] == WEEK ? "24:00" : hhmm(r[1] % DAY)));
        }
        return gaps;
    }

    private static DayOfWeek day(int weekMinute) {
        return DayOfWeek.of(weekMinute / DAY + 1);
    }

    private static int weekMinute(DayOfWeek day, String hhmm) {
        return (day.getValue() - 1) * DAY + WeeklyWindow.minutes(hhmm);
    }

    private static String hhmm(int minuteOfDay) {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }
}
