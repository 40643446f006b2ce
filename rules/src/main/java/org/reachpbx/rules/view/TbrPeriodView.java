package org.reachpbx.rules.view;

import org.reachpbx.rules.time.WeeklyWindow;

/** A TBR period: a daily window on each day of a range (TBR-03), and its destination. */
public record TbrPeriodView(int position, WeeklyWindow window, String destination) {
}
