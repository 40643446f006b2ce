package org.reachpbx.rules.view;

import java.util.List;
import java.util.Map;

/** A number plan schema (NP-01): plans by number, time schedule, holiday table and manual override. */
public record SchemaView(int number, String name, Integer manualOverride, Map<Integer, PlanView> plans,
                         List<ScheduleEntryView> schedule, List<HolidayView> holidays) {
    public SchemaView {
        plans = Map.copyOf(plans);
        schedule = List.copyOf(schedule);
        holidays = List.copyOf(holidays);
    }
}
