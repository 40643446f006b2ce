package org.reachpbx.rules.view;

import java.time.LocalDateTime;
import java.util.List;
import org.reachpbx.rules.time.WeeklyWindow;
import org.reachpbx.rules.vocabulary.Presence;

/** A REACH status with its time configuration (REACH-07) and presence (REACH-17). */
public record StatusView(String name, Presence presence, List<WeeklyWindow> times) {
    public StatusView {
        times = List.copyOf(times);
    }

    public boolean activeAt(LocalDateTime local) {
        for (WeeklyWindow w : times) {
            if (w.contains(local)) {
                return true;
            }
        }
        return false;
    }
}
