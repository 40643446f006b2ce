package org.reachpbx.rules.time;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A recurring window in the week in local time, in the manual's two forms (NP-13, REACH-07,
 * TBR-03): per day (the same from–to on each chosen day; an end before the start runs past
 * midnight) or per period (one continuous span from a day and time to a day and time, e.g.
 * Fri 18:00 → Mon 08:00). End times are exclusive. Times are minutes of the day, 1440 = 24:00.
 */
public final class WeeklyWindow {
    private static final int DAY = 1440;
    private static final int WEEK = 7 * DAY;

    private final Set<DayOfWeek> days;
    private final DayOfWeek fromDay;
    private final DayOfWeek toDay;
    private final int from;
    private final int to;

    private WeeklyWindow(Set<DayOfWeek> days, DayOfWeek fromDay, int from, DayOfWeek toDay, int to) {
        this.days = days;
        this.fromDay = fromDay;
        this.from = from;
        this.toDay = toDay;
        this.to = to;
    }

    /** The per-day form; an empty day set means every day. */
    public static WeeklyWindow perDay(Set<DayOfWeek> days, String from, String to) {
        Set<DayOfWeek> set = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
        return new WeeklyWindow(set, null, minutes(from), null, minutes(to));
    }

    /** The per-period form: one continuous span in the week. */
    public static WeeklyWindow period(DayOfWeek fromDay, String from, DayOfWeek toDay, String to) {
        return new WeeklyWindow(null, fromDay, minutes(from), toDay, minutes(to));
    }

    /** A day range with a daily window on each day of the range (TBR-03). */
    public static WeeklyWindow dailyOnDays(DayOfWeek fromDay, DayOfWeek toDay, String from, String to) {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        DayOfWeek d = fromDay;
        while (true) {
            set.add(d);
            if (d == toDay) {
                break;
            }
            d = d.plus(1);
        }
        return new WeeklyWindow(set, null, minutes(from), null, minutes(to));
    }

    public static int minutes(String hhmm) {
        int h = Integer.parseInt(hhmm.substring(0, 2));
        int m = Integer.parseInt(hhmm.substring(3, 5));
        return h * 60 + m;
    }

    public boolean contains(LocalDateTime t) {
        int minuteOfDay = t.getHour() * 60 + t.getMinute();
        DayOfWeek day = t.getDayOfWeek();
        if (days != null) {
            if (from < to) {
                return days.contains(day) && minuteOfDay >= from && minuteOfDay < to;
            }
            if (from == to) {
                return false;
            }
            // Past midnight: the evening part on a chosen day, the morning part on the next day.
            return (days.contains(day) && minuteOfDay >= from)
                    || (days.contains(day.minus(1)) && minuteOfDay < to);
        }
        int start = weekMinute(fromDay, from);
        int end = weekMinute(toDay, to);
        int now = weekMinute(day, minuteOfDay);
        if (start == end) {
            return true; // a whole week
        }
        return start < end ? now >= start && now < end : now >= start || now < end;
    }

    /** Minutes the window is open per week; overlapping entries: the shortest wins (NP-13). */
    public int minutesPerWeek() {
        if (days != null) {
            int daily = from < to ? to - from : from == to ? 0 : DAY - from + to;
            return daily * days.size();
        }
        int span = Math.floorMod(weekMinute(toDay, to) - weekMinute(fromDay, from), WEEK);
        // An end that falls on the start modulo the week (Monday 00:00 → Sunday 24:00) is the whole week.
        return span == 0 ? WEEK : span;
    }

    /**
     * The first moment after {@code t} at which this window opens or closes, searched minute by
     * minute boundary over the next {@code horizonDays}; null when it never changes.
     */
    public LocalDateTime nextBoundaryAfter(LocalDateTime t, int horizonDays) {
        boolean inside = contains(t);
        LocalDateTime probe = t.withSecond(0).withNano(0).plusMinutes(1);
        LocalDateTime limit = t.plusDays(horizonDays);
        while (probe.isBefore(limit)) {
            if (contains(probe) != inside) {
                return probe;
            }
            probe = probe.plusMinutes(1);
        }
        return null;
    }

    private static int weekMinute(DayOfWeek day, int minuteOfDay) {
        return (day.getValue() - 1) * DAY + minuteOfDay;
    }

    @Override
    public String toString() {
        return days != null ? days + " " + hhmm(from) + "-" + hhmm(to) : fromDay + " " + hhmm(from) + " -> " + toDay + " " + hhmm(to);
    }

    private static String hhmm(int m) {
        return String.format("%02d:%02d", m / 60, m % 60);
    }
}
