package org.reachpbx.rules.tables;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.reachpbx.rules.vocabulary.BarringCategory;

/**
 * Reads, validates and compiles a {@link TableSet} into {@link CompiledTables}. It never touches
 * the published tables: callers compile off the call path and publish the result only when it is
 * valid (see {@link TableRegistry}). Every problem is reported, not just the first, each with its
 * table, spreadsheet row (header = row 1), column and reason. The formats are described in
 * {@code docs/analyst-tables.md}.
 */
public final class TableCompiler {

    /** Bounds of a default timeout, in seconds. */
    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 600;
    /** Largest accepted text of one table, in characters. */
    public static final int MAX_TABLE_CHARS = 1_000_000;
    /** The Alert-Info value reserved for emergency-queue calls (RING-02). */
    public static final String ALERT_EMERGENCY = "alert-emergency";
    /** The number that must always be an emergency number, never barred (CB-06). */
    public static final String EMERGENCY_NUMBER = "112";
    /** The international access code (ACC-08). */
    public static final String INTERNATIONAL_PREFIX = "00";

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** A header value: visible ASCII without comma (list separator) and double quote. */
    private static final Pattern ALERT_VALUE = Pattern.compile("[!#-+\\--~]{1,128}");
    private static final int MAX_DESTINATION_PREFIX = 20;
    private static final int MAX_REGION_PREFIX = 15;

    /** The region groups of the manual's chapter 34, by their Dutch names as in call-barring-groups.csv. */
    private static final Map<String, BarringCategory> REGION_GROUPS = new LinkedHashMap<>();
    /** The group name that means "always barred" (CB-05). */
    public static final String PERMANENTLY_BLOCKED_GROUP = "Permanent geblokkeerd";

    static {
        REGION_GROUPS.put("Internationaal (Noord-Amerika)", BarringCategory.INTERNATIONAL_NORTH_AMERICA);
        REGION_GROUPS.put("Internationaal (Zuid-Amerika)", BarringCategory.INTERNATIONAL_SOUTH_AMERICA);
        REGION_GROUPS.put("Internationaal (Europa EU)", BarringCategory.INTERNATIONAL_EUROPE_EU);
        REGION_GROUPS.put("Internationaal (Europa niet-EU)", BarringCategory.INTERNATIONAL_EUROPE_NON_EU);
        REGION_GROUPS.put("Internationaal (Afrika)", BarringCategory.INTERNATIONAL_AFRICA);
        REGION_GROUPS.put("Internationaal (Azië)", BarringCategory.INTERNATIONAL_ASIA);
        REGION_GROUPS.put("Internationaal (Oceanië)", BarringCategory.INTERNATIONAL_OCEANIA);
        REGION_GROUPS.put("Internationaal (Overige bestemmingen)", BarringCategory.INTERNATIONAL_OTHER);
    }

    private TableCompiler() {
    }

    /**
     * Compiles a complete, valid set of tables.
     *
     * @throws TableValidationException listing every problem when the set is incomplete or invalid
     */
    public static CompiledTables compile(String version, TableSet tables) {
        List<TableViolation> violations = new ArrayList<>();
        CompiledTables compiled = compile(version, tables, violations);
        if (!violations.isEmpty()) {
            throw new TableValidationException(violations);
        }
        return compiled;
    }

    /** Every problem of a set of tables; empty when it can be published. */
    public static List<TableViolation> validate(TableSet tables) {
        List<TableViolation> violations = new ArrayList<>();
        compile("validation", tables, violations);
        return List.copyOf(violations);
    }

    /** The region-group names the region table accepts (Dutch, as in the manual), with their barring categories. */
    public static Map<String, BarringCategory> regionGroupNames() {
        return Collections.unmodifiableMap(REGION_GROUPS);
    }

    private static CompiledTables compile(String version, TableSet tables, List<TableViolation> violations) {
        Objects.requireNonNull(tables, "tables");
        for (TableName table : TableName.values()) {
            String text = tables.text(table).orElse(null);
            if (text != null && text.length() > MAX_TABLE_CHARS) {
                violations.add(TableViolation.table(table, "the table is larger than " + MAX_TABLE_CHARS + " characters"));
            }
        }
        if (!violations.isEmpty()) {
            return null;
        }
        PrefixTrie destinations = destinations(tables.text(TableName.DESTINATION_CATEGORIES).orElse(null), violations);
        PrefixTrie regions = regions(tables.text(TableName.REGION_GROUPS).orElse(null), violations);
        Map<CallType, String> alertInfo = alertInfo(tables.text(TableName.ALERT_INFO).orElse(null), violations);
        Map<TimeoutKind, Integer> timeouts = timeouts(tables.text(TableName.DEFAULT_TIMEOUTS).orElse(null), violations);
        if (!violations.isEmpty()) {
            return null;
        }
        return new CompiledTables(version, destinations, regions, alertInfo, timeouts);
    }

    // ---- destination-categories.csv -------------------------------------------------------------

    private record Destination(int row, DestinationCategory category, BarringCategory barring) {
        boolean sameOutcome(Destination other) {
            return category == other.category && barring == other.barring;
        }
    }

    private static PrefixTrie destinations(String text, List<TableViolation> violations) {
        TableName table = TableName.DESTINATION_CATEGORIES;
        CsvTable csv = CsvTable.read(table, text, List.of("prefix", "category", "barringCategory"),
                List.of("description"), violations);
        if (csv == null) {
            return null;
        }
        int before = violations.size();
        Map<String, Destination> byPrefix = new LinkedHashMap<>();
        Set<String> refused = new HashSet<>();
        for (CsvTable.Row row : csv.rows()) {
            String prefix = row.get("prefix");
            refused.add(prefix);
            boolean prefixOk = nationalPrefix(table, row, prefix, violations);
            DestinationCategory category = enumValue(table, row, "category", DestinationCategory.class, true, violations);
            BarringCategory barring = enumValue(table, row, "barringCategory", BarringCategory.class, false, violations);
            if (!prefixOk || category == null || (barring == null && !row.get("barringCategory").isEmpty())) {
                continue;
            }
            if (!consistent(table, row, prefix, category, barring, violations)) {
                continue;
            }
            refused.remove(prefix);
            Destination destination = new Destination(row.number(), category, barring);
            Destination earlier = byPrefix.putIfAbsent(prefix, destination);
            if (earlier != null && !earlier.sameOutcome(destination)) {
                violations.add(TableViolation.cell(table, row.number(), "prefix", "prefix " + prefix
                        + " is also in row " + earlier.row() + " with a different outcome ("
                        + earlier.category() + (earlier.barring() == null ? "" : ", " + earlier.barring()) + ")"));
            }
        }
        required(table, byPrefix, refused, EMERGENCY_NUMBER, DestinationCategory.EMERGENCY,
                "112 must always be an emergency number, so that it is never barred (CB-06)", violations);
        required(table, byPrefix, refused, INTERNATIONAL_PREFIX, DestinationCategory.INTERNATIONAL,
                "without it international numbers would count as national and escape international barring", violations);
        if (violations.size() > before) {
            return null;
        }
        PrefixTrie trie = new PrefixTrie();
        byPrefix.forEach((prefix, d) -> trie.put(prefix, new DestinationClass(d.category(), d.barring(), null, prefix, null)));
        return trie;
    }

    private static boolean nationalPrefix(TableName table, CsvTable.Row row, String prefix, List<TableViolation> violations) {
        if (prefix.isEmpty()) {
            violations.add(TableViolation.cell(table, row.number(), "prefix", "the prefix is empty"));
            return false;
        }
        if (prefix.startsWith("+")) {
            violations.add(TableViolation.cell(table, row.number(), "prefix", "'" + prefix
                    + "' is not in national format: write +31… as 0… and other +… as 00… (ACC-08)"));
            return false;
        }
        if (!DIGITS.matcher(prefix).matches()) {
            violations.add(TableViolation.cell(table, row.number(), "prefix", "'" + prefix
                    + "' is not a prefix: only the digits 0-9 are allowed"));
            return false;
        }
        if (prefix.length() > MAX_DESTINATION_PREFIX) {
            violations.add(TableViolation.cell(table, row.number(), "prefix", "the prefix is longer than "
                    + MAX_DESTINATION_PREFIX + " digits"));
            return false;
        }
        if (prefix.startsWith("0031")) {
            violations.add(TableViolation.cell(table, row.number(), "prefix", "'" + prefix
                    + "' is a Dutch number in international format: write it as 0" + prefix.substring(4) + " (ACC-08)"));
            return false;
        }
        return true;
    }

    /** Category and barring category fit together and with the prefix (CB-04, CB-05, CB-06). */
    private static boolean consistent(TableName table, CsvTable.Row row, String prefix, DestinationCategory category,
                                      BarringCategory barring, List<TableViolation> violations) {
        int n = row.number();
        switch (category) {
            case EMERGENCY, SERVICE -> {
                if (barring != null) {
                    violations.add(TableViolation.cell(table, n, "barringCategory", category
                            + " numbers are never barred (CB-06): leave barringCategory empty"));
                    return false;
                }
            }
            case PERMANENTLY_BLOCKED -> {
                if (barring != null) {
                    violations.add(TableViolation.cell(table, n, "barringCategory",
                            "PERMANENTLY_BLOCKED numbers are always barred and cannot be selected: leave barringCategory empty"));
                    return false;
                }
            }
            case INTERNATIONAL -> {
                if (!prefix.startsWith(INTERNATIONAL_PREFIX)) {
                    violations.add(TableViolation.cell(table, n, "prefix", "an INTERNATIONAL prefix starts with 00"));
                    return false;
                }
                if (barring != BarringCategory.INTERNATIONAL) {
                    violations.add(TableViolation.cell(table, n, "barringCategory", "an INTERNATIONAL row has barring"
                            + " category INTERNATIONAL; the region group comes from region-groups.csv (CB-05)"));
                    return false;
                }
            }
            default -> {
                if (barring == null) {
                    violations.add(TableViolation.cell(table, n, "barringCategory", "a " + category
                            + " row needs the barring category that blocks it"));
                    return false;
                }
                if (barring == BarringCategory.INTERNATIONAL || barring.name().startsWith("INTERNATIONAL_")) {
                    violations.add(TableViolation.cell(table, n, "barringCategory", barring
                            + " is an international barring category; a " + category + " number is Dutch"));
                    return false;
                }
            }
        }
        if (prefix.startsWith(INTERNATIONAL_PREFIX) && category != DestinationCategory.INTERNATIONAL
                && category != DestinationCategory.PERMANENTLY_BLOCKED) {
            violations.add(TableViolation.cell(table, n, "category", "a prefix that starts with 00 is international:"
                    + " its category is INTERNATIONAL or PERMANENTLY_BLOCKED, not " + category));
            return false;
        }
        return true;
    }

    private static void required(TableName table, Map<String, Destination> byPrefix, Set<String> refused,
                                 String prefix, DestinationCategory category, String why,
                                 List<TableViolation> violations) {
        Destination row = byPrefix.get(prefix);
        if (row == null) {
            if (!refused.contains(prefix)) { // else its row already has a violation
                violations.add(new TableViolation(table.id(), null, "prefix", "a row for prefix " + prefix
                        + " with category " + category + " is required: " + why));
            }
        } else if (row.category() != category) {
            violations.add(TableViolation.cell(table, row.row(), "category", "prefix " + prefix + " must have category "
                    + category + ": " + why));
        }
    }

    // ---- region-groups.csv ----------------------------------------------------------------------

    private record Region(int row, BarringCategory group, boolean blocked, String country) {
        boolean sameOutcome(Region other) {
            return group == other.group && blocked == other.blocked;
        }
    }

    private static PrefixTrie regions(String text, List<TableViolation> violations) {
        TableName table = TableName.REGION_GROUPS;
        CsvTable csv = CsvTable.read(table, text, List.of("prefix", "group"), List.of("iso2", "country"), violations);
        if (csv == null) {
            return null;
        }
        int before = violations.size();
        Map<String, Region> byPrefix = new LinkedHashMap<>();
        for (CsvTable.Row row : csv.rows()) {
            String prefix = row.get("prefix");
            boolean prefixOk = internationalPrefix(table, row, prefix, violations);
            String groupName = nfc(row.get("group"));
            boolean blocked = PERMANENTLY_BLOCKED_GROUP.equalsIgnoreCase(groupName)
                    || DestinationCategory.PERMANENTLY_BLOCKED.name().equalsIgnoreCase(groupName);
            BarringCategory group = blocked ? null : regionGroup(groupName);
            if (!blocked && group == null) {
                violations.add(TableViolation.cell(table, row.number(), "group", groupName.isEmpty()
                        ? "the group is empty; the groups are: " + groupList()
                        : "unknown group '" + groupName + "'; the groups are: " + groupList()));
                continue;
            }
            if (!prefixOk) {
                continue;
            }
            String country = row.get("country");
            Region region = new Region(row.number(), group, blocked, country.isEmpty() ? row.get("iso2") : country);
            Region earlier = byPrefix.get(prefix);
            if (earlier == null) {
                byPrefix.put(prefix, region);
            } else if (earlier.sameOutcome(region)) {
                // The manual lists 262 twice (Réunion and Mayotte, one group): one prefix, both names.
                String both = earlier.country().isEmpty() || earlier.country().equals(region.country())
                        ? region.country() : region.country().isEmpty() ? earlier.country()
                        : earlier.country() + " / " + region.country();
                byPrefix.put(prefix, new Region(earlier.row(), earlier.group(), earlier.blocked(), both));
            } else {
                violations.add(TableViolation.cell(table, row.number(), "group", "prefix " + prefix + " is also in row "
                        + earlier.row() + " with a different group ("
                        + (earlier.blocked() ? PERMANENTLY_BLOCKED_GROUP : groupName(earlier.group())) + ")"));
            }
        }
        if (violations.size() > before) {
            return null;
        }
        PrefixTrie trie = new PrefixTrie();
        byPrefix.forEach((prefix, r) -> {
            String country = r.country().isEmpty() ? null : r.country();
            trie.put(prefix, r.blocked()
                    ? new DestinationClass(DestinationCategory.PERMANENTLY_BLOCKED, null, null, prefix, country)
                    : new DestinationClass(DestinationCategory.INTERNATIONAL, r.group(), r.group(), prefix, country));
        });
        return trie;
    }

    private static boolean internationalPrefix(TableName table, CsvTable.Row row, String prefix,
                                               List<TableViolation> violations) {
        String why = null;
        if (prefix.isEmpty()) {
            why = "the prefix is empty";
        } else if (prefix.startsWith("+") || prefix.startsWith("0")) {
            why = "'" + prefix + "': write the country prefix without + or 00, e.g. 44";
        } else if (!DIGITS.matcher(prefix).matches()) {
            why = "'" + prefix + "' is not a prefix: only the digits 0-9 are allowed";
        } else if (prefix.length() > MAX_REGION_PREFIX) {
            why = "the prefix is longer than " + MAX_REGION_PREFIX + " digits";
        }
        if (why != null) {
            violations.add(TableViolation.cell(table, row.number(), "prefix", why));
            return false;
        }
        return true;
    }

    private static BarringCategory regionGroup(String name) {
        for (Map.Entry<String, BarringCategory> e : REGION_GROUPS.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) || e.getValue().name().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String groupName(BarringCategory group) {
        return REGION_GROUPS.entrySet().stream().filter(e -> e.getValue() == group).map(Map.Entry::getKey)
                .findFirst().orElse(group.name());
    }

    private static String groupList() {
        return String.join(", ", REGION_GROUPS.keySet()) + ", " + PERMANENTLY_BLOCKED_GROUP;
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    // ---- alert-info.csv -------------------------------------------------------------------------

    private static Map<CallType, String> alertInfo(String text, List<TableViolation> violations) {
        TableName table = TableName.ALERT_INFO;
        CsvTable csv = CsvTable.read(table, text, List.of("callType", "alertInfo"), List.of("description"), violations);
        if (csv == null) {
            return null;
        }
        int before = violations.size();
        Map<CallType, String> values = new EnumMap<>(CallType.class);
        Map<CallType, Integer> rows = new HashMap<>();
        boolean unknownType = false;
        for (CsvTable.Row row : csv.rows()) {
            CallType type = enumValue(table, row, "callType", CallType.class, true, violations);
            if (type == null) {
                unknownType = true;
            } else {
                Integer earlier = rows.putIfAbsent(type, row.number());
                if (earlier != null) {
                    violations.add(TableViolation.cell(table, row.number(), "callType", type + " is also in row " + earlier));
                    continue;
                }
            }
            String value = row.get("alertInfo");
            if (value.isEmpty()) {
                violations.add(TableViolation.cell(table, row.number(), "alertInfo", "the Alert-Info value is empty"));
            } else if (!ALERT_VALUE.matcher(value).matches()) {
                violations.add(TableViolation.cell(table, row.number(), "alertInfo", "'" + value + "' cannot be a"
                        + " header value: use at most 128 visible ASCII characters, without spaces, commas or quotes"));
            } else if (type == CallType.EMERGENCY_QUEUE && !ALERT_EMERGENCY.equals(value)) {
                violations.add(TableViolation.cell(table, row.number(), "alertInfo", "emergency-queue calls always carry "
                        + ALERT_EMERGENCY + "; it cannot be changed (RING-02)"));
            } else if (type != null && type != CallType.EMERGENCY_QUEUE && ALERT_EMERGENCY.equalsIgnoreCase(value)) {
                violations.add(TableViolation.cell(table, row.number(), "alertInfo", ALERT_EMERGENCY
                        + " is reserved for emergency-queue calls (RING-02)"));
            } else if (type != null) {
                values.put(type, value);
            }
        }
        if (!unknownType) { // else the missing type is probably the misspelt one, already reported
            for (CallType type : CallType.values()) {
                if (!rows.containsKey(type)) {
                    violations.add(new TableViolation(table.id(), null, "callType", "no row for call type " + type));
                }
            }
        }
        return violations.size() > before ? null : values;
    }

    // ---- default-timeouts.csv -------------------------------------------------------------------

    private static Map<TimeoutKind, Integer> timeouts(String text, List<TableViolation> violations) {
        TableName table = TableName.DEFAULT_TIMEOUTS;
        CsvTable csv = CsvTable.read(table, text, List.of("timeout", "seconds"), List.of("description"), violations);
        if (csv == null) {
            return null;
        }
        int before = violations.size();
        Map<TimeoutKind, Integer> values = new EnumMap<>(TimeoutKind.class);
        Map<TimeoutKind, Integer> rows = new HashMap<>();
        boolean unknownKind = false;
        for (CsvTable.Row row : csv.rows()) {
            TimeoutKind kind = enumValue(table, row, "timeout", TimeoutKind.class, true, violations);
            if (kind == null) {
                unknownKind = true;
            } else {
                Integer earlier = rows.putIfAbsent(kind, row.number());
                if (earlier != null) {
                    violations.add(TableViolation.cell(table, row.number(), "timeout", kind + " is also in row " + earlier));
                    continue;
                }
            }
            String seconds = row.get("seconds");
            if (seconds.isEmpty()) {
                violations.add(TableViolation.cell(table, row.number(), "seconds", "the number of seconds is empty"));
            } else if (!DIGITS.matcher(seconds).matches() || seconds.length() > 6) {
                violations.add(TableViolation.cell(table, row.number(), "seconds", "'" + seconds
                        + "' is not a whole number of seconds"));
            } else {
                int value = Integer.parseInt(seconds);
                if (value < MIN_SECONDS || value > MAX_SECONDS) {
                    violations.add(TableViolation.cell(table, row.number(), "seconds", value
                            + " is out of range: a timeout is " + MIN_SECONDS + " to " + MAX_SECONDS + " seconds"));
                } else if (kind != null) {
                    values.put(kind, value);
                }
            }
        }
        if (!unknownKind) { // else the missing kind is probably the misspelt one, already reported
            for (TimeoutKind kind : TimeoutKind.values()) {
                if (!rows.containsKey(kind)) {
                    violations.add(new TableViolation(table.id(), null, "timeout", "no row for timeout " + kind));
                }
            }
        }
        return violations.size() > before ? null : values;
    }

    // ---- shared ---------------------------------------------------------------------------------

    /** An enum constant by name, ignoring case; null (with a violation when not blank or when required) otherwise. */
    private static <E extends Enum<E>> E enumValue(TableName table, CsvTable.Row row, String column, Class<E> type,
                                                   boolean required, List<TableViolation> violations) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                violations.add(TableViolation.cell(table, row.number(), column, "the " + column + " is empty"));
            }
            return null;
        }
        String key = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return constant;
            }
        }
        violations.add(TableViolation.cell(table, row.number(), column, "unknown " + column + " '" + value
                + "'; it is one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", "))));
        return null;
    }
}
