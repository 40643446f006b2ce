package org.reachpbx.rules.view;

import java.time.LocalDateTime;

/**
 * A holiday entry (NP-12) in local time, end exclusive; {@code position} orders entries created
 * later after earlier ones (the tie-breaker). Temporary entries come from the 915 menu (NP-19).
 */
public record HolidayView(int position, String description, LocalDateTime start, LocalDateTime end, int plan,
                          boolean temporary) {
    public boolean covers(LocalDateTime local) {
        return !local.isBefore(start) && local.isBefore(end);
    }
}
