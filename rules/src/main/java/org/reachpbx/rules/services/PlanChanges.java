package org.reachpbx.rules.services;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.reachpbx.rules.services.ServiceDecision.TemporaryHoliday;
import org.reachpbx.rules.view.HolidayView;
import org.reachpbx.rules.view.ScheduleEntryView;
import org.reachpbx.rules.view.SchemaView;

/** 915 computations (NP-19..21): the next change of a schema's time schedule, the temporary entry. */
public final class PlanChanges {
    /** NP-19 interpretation: without a change in the next 7 days the entry lasts 7 days. */
    public static final int CAP_DAYS = 7;

    private PlanChanges() {
    }

    /** The plan the schedule gives at this local time (the shortest covering entry wins, NP-13), or null. */
    public static Integer scheduledPlan(SchemaView schema, LocalDateTime t) {
        ScheduleEntryView best = null;
        for (ScheduleEntryView e : schema.schedule()) {
            if (e.window().contains(t)
                    && (best == null || e.window().minutesPerWeek() < best.window().minutesPerWeek())) {
                best = e;
            }
        }
        return best == null ? null : best.plan();
    }

    /**
     * The next moment after {@code now} at which any schedule entry opens or closes and the
     * scheduled plan changes with it; null when it does not change within {@link #CAP_DAYS}.
     */
    public static LocalDateTime nextScheduleChange(SchemaView schema, LocalDateTime now) {
        LocalDateTime limit = now.plusDays(CAP_DAYS);
        TreeSet<LocalDateTime> boundaries = new TreeSet<>();
        for (ScheduleEntryView e : schema.schedule()) {
            LocalDateTime t = now;
            while (true) {
                LocalDateTime b = e.window().nextBoundaryAfter(t, CAP_DAYS);
                if (b == null || b.isAfter(limit)) {
                    break;
                }
                boundaries.add(b);
                t = b;
            }
        }
        Integer current = scheduledPlan(schema, now);
        for (LocalDateTime b : boundaries) {
            Integer plan = scheduledPlan(schema, b);
            if (plan == null ? current != null : !plan.equals(current)) {
                return b;
            }
        }
        return null;
    }

    /**
     * The temporary holiday entry from now until the next schedule change, capped at 7 days; the
     * end instant and duration are DST-correct in the tenant's zone.
     */
    public static TemporaryHoliday temporaryEntry(SchemaView schema, LocalDateTime now, int plan, ZoneId zone) {
        LocalDateTime start = now.withSecond(0).withNano(0);
        LocalDateTime change = nextScheduleChange(schema, start);
        LocalDateTime end = change != null ? change : start.plusDays(CAP_DAYS);
        int position = 0;
        for (HolidayView h : schema.holidays()) {
            position = Math.max(position, h.position() + 1);
        }
        var startAt = start.atZone(zone).toInstant();
        var endsAt = end.atZone(zone).toInstant();
        return new TemporaryHoliday("915 temporary change", start, end, endsAt,
                Duration.between(startAt, endsAt).toMinutes(), plan, true, position);
    }

    /** NP-21: the positions of the temporary entries 915 created (Operator holidays stay). */
    public static List<Integer> temporaryEntries(SchemaView schema) {
        List<Integer> out = new ArrayList<>();
        for (HolidayView h : schema.holidays()) {
            if (h.temporary()) {
                out.add(h.position());
            }
        }
        return out;
    }
}
