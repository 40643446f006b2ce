package org.reachpbx.rules.view;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.rules.vocabulary.BarringCategory;

/**
 * A user's REACH configuration (REACH-02): the default profile, custom profiles by name, statuses
 * and call classes in configuration order, the matrix (class → status → profile name; the status
 * key "" is the class's no-status cell), dynamic caller IDs by code, the user's own barred
 * categories, the manual status, roaming status and manual device override.
 */
public record ReachView(ProfileView defaultProfile, Map<String, ProfileView> profiles, List<StatusView> statuses,
                        List<CallClassView> callClasses, Map<String, Map<String, String>> matrix,
                        Map<String, String> dynamicCallerIds, Set<BarringCategory> callBarring,
                        String manualStatus, LocalDateTime manualStatusUntil, String roamingStatus,
                        List<String> manualDeviceOverride, LocalDateTime manualDeviceOverrideUntil) {
    public ReachView {
        profiles = Map.copyOf(profiles);
        statuses = List.copyOf(statuses);
        callClasses = List.copyOf(callClasses);
        matrix = Map.copyOf(matrix);
        dynamicCallerIds = Map.copyOf(dynamicCallerIds);
        callBarring = Set.copyOf(callBarring);
        manualDeviceOverride = manualDeviceOverride == null ? null : List.copyOf(manualDeviceOverride);
    }

    /** The profile named in the matrix cell, or null for an empty cell. */
    public String matrixProfile(String callClass, String status) {
        Map<String, String> row = matrix.get(callClass == null ? "" : callClass);
        return row == null ? null : row.get(status == null ? "" : status);
    }

    public CallClassView callClass(String name) {
        for (CallClassView c : callClasses) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    public StatusView status(String name) {
        for (StatusView s : statuses) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
