package org.reachpbx.rules.tables;

import java.util.EnumMap;
import java.util.Map;
import org.reachpbx.rules.vocabulary.BarringCategory;

/**
 * One compiled, validated version of the analyst tables: immutable and indexed for the call path.
 * Made only by {@link TableCompiler}. Every lookup is allocation-free: {@link #classify} walks two
 * digit tries (destination prefixes, then region prefixes for international numbers) and returns
 * {@link DestinationClass} instances built at compile time; Alert-Info values and timeouts are
 * arrays indexed by the enum ordinal.
 *
 * <h2>What {@link #classify} accepts</h2>
 * The number in national format (ACC-08): {@code 0…} national, {@code 00…} international, or a
 * short number such as {@code 112}. For robustness it also normalises the common other forms
 * itself, without allocating: {@code +31…} and {@code 0031…} are read as {@code 0…} (a following
 * trunk {@code 0}, as in {@code +31 (0)20…}, is dropped), so the Netherlands is never international
 * (CB-05, A30); any other {@code +…} is read as {@code 00…}.
 * <p>
 * It never returns null and never throws. Anything the destination table does not match is a Dutch
 * number "not in another category", i.e. {@code NATIONAL} (CB-04), with a null
 * {@code matchedPrefix}; that includes null, an empty string and strings with anything other than
 * digits after an optional leading {@code +} (the routing engine should not ask for those). An
 * international number that no region row matches is {@code INTERNATIONAL} in region group
 * {@code INTERNATIONAL_OTHER}, with a null {@code matchedPrefix} and {@code country}.
 */
public final class CompiledTables implements AnalystTables {

    /** The class of a number no destination row matches, and of input that is not a number. */
    public static final DestinationClass UNMATCHED = new DestinationClass(DestinationCategory.NATIONAL,
            BarringCategory.NATIONAL, null, null, null);

    /** The class of an international number no region row matches. */
    public static final DestinationClass INTERNATIONAL_UNMATCHED = new DestinationClass(
            DestinationCategory.INTERNATIONAL, BarringCategory.INTERNATIONAL_OTHER, BarringCategory.INTERNATIONAL_OTHER,
            null, null);

    private final String version;
    private final PrefixTrie destinations;
    private final PrefixTrie regions;
    private final String[] alertInfo;
    private final int[] timeouts;

    CompiledTables(String version, PrefixTrie destinations, PrefixTrie regions, Map<CallType, String> alertInfo,
                   Map<TimeoutKind, Integer> timeouts) {
        this.version = version;
        this.destinations = destinations;
        this.regions = regions;
        this.alertInfo = new String[CallType.values().length];
        alertInfo.forEach((type, value) -> this.alertInfo[type.ordinal()] = value);
        this.timeouts = new int[TimeoutKind.values().length];
        timeouts.forEach((kind, seconds) -> this.timeouts[kind.ordinal()] = seconds);
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public DestinationClass classify(String number) {
        if (number == null || number.isEmpty()) {
            return UNMATCHED;
        }
        int length = number.length();
        int from = 0;
        int zeros = 0;
        if (number.charAt(0) == '+') {
            if (number.startsWith("+31")) {
                from = 3;
                zeros = 1;
            } else {
                from = 1;
                zeros = 2;
            }
        } else if (number.startsWith("0031")) {
            from = 4;
            zeros = 1;
        }
        if (zeros == 1 && from < length && number.charAt(from) == '0') {
            from++; // +31 (0)20…: the trunk prefix written after the country code
        }
        for (int i = from; i < length; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return UNMATCHED;
            }
        }
        DestinationClass match = destinations.longest(number, from, zeros);
        if (match == null) {
            return UNMATCHED;
        }
        if (match.category() != DestinationCategory.INTERNATIONAL) {
            return match;
        }
        // International: the region table is keyed by the digits after the access code 00.
        int regionFrom = zeros >= 2 ? from : from + (2 - zeros);
        int regionZeros = zeros >= 2 ? zeros - 2 : 0;
        DestinationClass region = regions.longest(number, regionFrom, regionZeros);
        return region != null ? region : INTERNATIONAL_UNMATCHED;
    }

    @Override
    public String alertInfo(CallType callType) {
        return callType == null ? null : alertInfo[callType.ordinal()];
    }

    @Override
    public int defaultTimeout(TimeoutKind kind) {
        return timeouts[kind.ordinal()];
    }

    /** Every Alert-Info value, for display. */
    public Map<CallType, String> alertInfo() {
        EnumMap<CallType, String> all = new EnumMap<>(CallType.class);
        for (CallType type : CallType.values()) {
            all.put(type, alertInfo[type.ordinal()]);
        }
        return all;
    }

    /** Every default timeout in seconds, for display. */
    public Map<TimeoutKind, Integer> defaultTimeouts() {
        EnumMap<TimeoutKind, Integer> all = new EnumMap<>(TimeoutKind.class);
        for (TimeoutKind kind : TimeoutKind.values()) {
            all.put(kind, timeouts[kind.ordinal()]);
        }
        return all;
    }

    /** How many distinct prefixes the destination and region tables hold. */
    public int destinationPrefixes() {
        return destinations.size();
    }

    public int regionPrefixes() {
        return regions.size();
    }

    @Override
    public String toString() {
        return "AnalystTables v" + version;
    }
}
