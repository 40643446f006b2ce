package org.reachpbx.rules.tables;

import java.util.Locale;
import java.util.Optional;

/** The four analyst tables. Each is a CSV decision table; its id is also its file name without {@code .csv}. */
public enum TableName {
    /** National-format prefix → destination category and barring category (CB-04, CB-06). */
    DESTINATION_CATEGORIES("destination-categories"),
    /** International prefix (after {@code 00}) → call-barring region group (CB-05, chapter 34 of the manual). */
    REGION_GROUPS("region-groups"),
    /** Call type → Alert-Info header value (RING-01, RING-02). */
    ALERT_INFO("alert-info"),
    /** Timeout kind → seconds. */
    DEFAULT_TIMEOUTS("default-timeouts");

    private final String id;

    TableName(String id) {
        this.id = id;
    }

    /** The name analysts and the REST API use, e.g. {@code region-groups}. */
    public String id() {
        return id;
    }

    public String fileName() {
        return id + ".csv";
    }

    /** Finds a table by its id, its file name or its enum name, ignoring case: {@code alert-info}, {@code alert-info.csv}, {@code ALERT_INFO}. */
    public static Optional<TableName> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.endsWith(".csv")) {
            key = key.substring(0, key.length() - 4);
        }
        key = key.replace('_', '-');
        for (TableName table : values()) {
            if (table.id.equals(key)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
