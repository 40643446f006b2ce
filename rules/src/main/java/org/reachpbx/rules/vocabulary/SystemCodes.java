package org.reachpbx.rules.vocabulary;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The system numbers of SYSNUM-01, which the platform recognises before extensions (ACC-04).
 * An extension number that equals one of them could never be reached, so it is refused.
 */
public final class SystemCodes {

    /** Codes dialled exactly as they are. */
    private static final Set<String> EXACT = Set.of(
            "900", "901", "902", "903", "904", "905", "906", "907", "908", "909", "910", "915", "920", "930", "1233");

    /** 930 followed by a park line 1–99, without leading zeros (PARK-03). */
    private static final Pattern PARK_LINE = Pattern.compile("930[1-9]\\d?");

    private SystemCodes() {
    }

    /** True when an extension with this number would be shadowed by a system code. */
    public static boolean collidesWithExtension(String extensionNumber) {
        return EXACT.contains(extensionNumber) || PARK_LINE.matcher(extensionNumber).matches();
    }
}
