package org.reachpbx.rules.engine;

import java.util.Set;
import java.util.regex.Pattern;

/** Recognises the system codes of SYSNUM-01, which come before extensions (ACC-04). */
final class SystemCodeMatcher {
    private static final Set<String> EXACT = Set.of("900", "901", "902", "903", "904", "905", "906", "907", "908",
            "909", "910", "915", "920", "930", "1233", "*6", "*8", "*9");
    /** 930 + park line 1–99; 908/*8 + an extension for a directed pickup; 906 + the agent's extension (LSN-01). */
    private static final Pattern WITH_ARGUMENT = Pattern.compile("930[1-9]\\d?|908\\d{3,5}|\\*8\\d{3,5}|906\\d{3,5}");

    private SystemCodeMatcher() {
    }

    static boolean matches(String dialled) {
        return dialled != null && (EXACT.contains(dialled) || WITH_ARGUMENT.matcher(dialled).matches());
    }
}
