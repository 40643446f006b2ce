package org.reachpbx.rules.view;

import org.reachpbx.rules.time.WeeklyWindow;

/** A time-schedule entry (NP-13); {@code position} is its place in the list (the tie-breaker). */
public record ScheduleEntryView(int position, WeeklyWindow window, int plan) {
}
