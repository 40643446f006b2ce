package org.reachpbx.rules.engine;

import java.time.LocalDateTime;
import org.reachpbx.rules.view.HolidayView;
import org.reachpbx.rules.view.ScheduleEntryView;
import org.reachpbx.rules.view.SchemaView;

/**
 * The candidates for a schema's active plan at this moment (NP-10): its manual override, the
 * holiday entry covering now (latest start wins, then the one created last, NP-12) and the time
 * schedule entry covering now (the shortest wins, then the first in the list, NP-13). The rules
 * pick one by precedence.
 */
public final class PlanLookup {
    private final Hop hop;
    private final SchemaView schema;
    private final String number;
    private final HolidayView holiday;
    private final ScheduleEntryView scheduled;

    public PlanLookup(Hop hop, SchemaView schema, String number, LocalDateTime now) {
        this.hop = hop;
        this.schema = schema;
        this.number = number;
        this.holiday = holidayAt(schema, now);
        this.scheduled = scheduledAt(schema, now);
    }

    static HolidayView holidayAt(SchemaView schema, LocalDateTime now) {
        HolidayView best = null;
        for (HolidayView h : schema.holidays()) {
            if (h.covers(now) && (best == null || !h.start().isBefore(best.start()))) {
                best = h;
            }
        }
        return best;
    }

    static ScheduleEntryView scheduledAt(SchemaView schema, LocalDateTime now) {
        ScheduleEntryView best = null;
        for (ScheduleEntryView e : schema.schedule()) {
            if (e.window().contains(now)
                    && (best == null || e.window().minutesPerWeek() < best.window().minutesPerWeek())) {
                best = e;
            }
        }
        return best;
    }

    public Hop getHop() { return hop; }
    public SchemaView getSchema() { return schema; }
    public String getNumber() { return number; }
    public Integer getManualOverride() { return schema.manualOverride(); }
    public HolidayView getHoliday() { return holiday; }
    public ScheduleEntryView getScheduled() { return scheduled; }
}
