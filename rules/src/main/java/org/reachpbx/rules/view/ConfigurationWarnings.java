package org.reachpbx.rules.view;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.reachpbx.rules.time.ScheduleGaps;

/**
 * Warnings about a tenant's configuration that the routing rules would otherwise only discover
 * call by call. NP-14: the spans of the week in which a schema's time schedule activates no plan,
 * so the schema's numbers cannot be reached then (unless a manual override or a holiday entry
 * happens to cover them). The UI shows these and advises one fallback plan for the whole week.
 */
public final class ConfigurationWarnings {
    private ConfigurationWarnings() {
    }

    /** Every warning for this tenant, schemas in number order. */
    public static List<String> of(TenantView view) {
        List<String> warnings = new ArrayList<>();
        view.schemas().values().stream().sorted((a, b) -> Integer.compare(a.number(), b.number()))
                .forEach(s -> warnings.addAll(of(s)));
        return warnings;
    }

    /** The NP-14 warning of one schema, or nothing when its schedule covers the whole week. */
    public static List<String> of(SchemaView schema) {
        List<ScheduleGaps.Gap> gaps = ScheduleGaps.of(schema.schedule().stream().map(ScheduleEntryView::window).toList());
        if (gaps.isEmpty()) {
            return List.of();
        }
        return List.of("schema " + schema.number() + " (" + schema.name() + ") has no plan scheduled "
                + gaps.stream().map(ScheduleGaps.Gap::toString).collect(Collectors.joining(", "))
                + ": its numbers cannot be reached then; schedule a fallback plan for the whole week (NP-14)");
    }
}
