package org.reachpbx.ui.config;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.NumberPlan;
import org.reachpbx.directory.model.Tenant;

/**
 * What a form offers to pick instead of typing (issue 17, defect 4): the tenant's extensions for a
 * target or destination, its channels for a device's channel, its plans for a schedule entry, a
 * holiday or a manual override. Which YAML keys take which list is decided here, once, for every
 * form and every row. A picker still takes a typed value (an outside number as a destination,
 * {@code voicemail}), which the import's validation judges as before.
 */
public final class Pickers {

    /** YAML keys whose value is an extension of the tenant, or a destination that usually is one. */
    private static final Set<String> EXTENSION_KEYS = Set.of("extension", "target", "coupledUser", "destination",
            "defaultDestination", "anonymousDestination", "mobileDestination", "failoverDestination",
            "withinLimitDestination", "aboveLimitDestination", "callLimitDestination", "maxWaitDestination",
            "noAgentsDestination", "exitDestination", "fallbackExtension");
    private static final Set<String> CHANNEL_KEYS = Set.of("channel");
    private static final Set<String> PLAN_KEYS = Set.of("plan", "manualOverride");

    /** No pickers: every field typed (a form shown without its tenant). */
    public static final Pickers NONE = new Pickers(null, Map.of(), Map.of(), Map.of());

    private final Long tenantId;
    private final Map<String, String> extensions;
    private final Map<String, String> channels;
    private final Map<String, String> plans;

    private Pickers(Long tenantId, Map<String, String> extensions, Map<String, String> channels,
                    Map<String, String> plans) {
        this.tenantId = tenantId;
        this.extensions = extensions;
        this.channels = channels;
        this.plans = plans;
    }

    /** The pickers of a tenant as stored: its extensions, channels and plans (value → label). */
    public static Pickers of(long tenantId, Tenant tenant) {
        Map<String, String> extensions = new LinkedHashMap<>();
        tenant.getExtensions().stream().sorted(java.util.Comparator.comparing(Extension::getNumber,
                        java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder())))
                .forEach(e -> extensions.put(e.getNumber(), e.getNumber() + (e.getName() == null ? "" : " " + e.getName())));
        Map<String, String> channels = new LinkedHashMap<>();
        new TreeSet<>(tenant.getChannels().stream().map(c -> c.getName()).toList()).forEach(n -> channels.put(n, n));
        Map<String, String> plans = new LinkedHashMap<>();
        tenant.getNumberPlanSchemas().stream().flatMap(s -> s.getPlans().stream())
                .sorted(java.util.Comparator.comparing(NumberPlan::getNumber))
                .forEach(p -> plans.putIfAbsent(String.valueOf(p.getNumber()),
                        p.getNumber() + (p.getName() == null ? "" : " " + p.getName())));
        return new Pickers(tenantId, extensions, channels, plans);
    }

    /** The tenant the choices are of (links to other views name it); null for {@link #NONE}. */
    Long tenantId() {
        return tenantId;
    }

    /** The choices (value → label) a field with this YAML key offers; empty: a plain text field. */
    Map<String, String> choices(String key) {
        if (EXTENSION_KEYS.contains(key)) {
            return extensions;
        }
        if (CHANNEL_KEYS.contains(key)) {
            return channels;
        }
        return PLAN_KEYS.contains(key) ? plans : Map.of();
    }

    /** Whether a field with this key is a picker. */
    boolean picks(String key) {
        return !choices(key).isEmpty();
    }

    /**
     * A combo box offering the choices of {@code key}, labelled "201 Dhr. Jansen", holding the
     * value ("201"); a typed value that is not offered is kept as typed.
     */
    ComboBox<String> picker(String key, String label, String value) {
        Map<String, String> offered = choices(key);
        ComboBox<String> box = new ComboBox<>(label);
        List<String> items = new java.util.ArrayList<>(offered.keySet());
        if (value != null && !value.isBlank() && !offered.containsKey(value)) {
            items.add(value);
        }
        box.setItems(items);
        box.setItemLabelGenerator(v -> offered.getOrDefault(v, v));
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> {
            List<String> now = new java.util.ArrayList<>(items);
            if (!now.contains(e.getDetail())) {
                now.add(e.getDetail());
                items.add(e.getDetail());
                box.setItems(now);
            }
            box.setValue(e.getDetail());
        });
        box.setClearButtonVisible(true);
        box.getElement().setAttribute("data-picker", key);
        if (value != null && !value.isBlank()) {
            box.setValue(value);
        }
        return box;
    }
}
