package org.reachpbx.directory.validation;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.WeeklyWindow;

/**
 * Base of the per-area checks of one tenant: the lookups every check needs (extensions by number,
 * account numbers, channel and privacy-group names) and the checks they share, such as what a
 * destination may be. Each subclass checks one area of the configuration.
 */
abstract class Checks {

    /** An external number as dialled: national (0…) or international (+…). */
    static final String EXTERNAL_NUMBER = "(\\+|0)\\d{2,19}";

    protected final Tenant tenant;
    private final List<Violation> out;
    protected final Map<String, Extension> extensions = new HashMap<>();
    protected final Map<String, PhoneNumber> numbers = new HashMap<>();
    protected final Set<String> channelNames = new HashSet<>();
    protected final Set<String> privacyGroupNames = new HashSet<>();

    Checks(Tenant tenant, List<Violation> out) {
        this.tenant = tenant;
        this.out = out;
        tenant.getExtensions().stream().filter(e -> e.getNumber() != null)
                .forEach(e -> extensions.putIfAbsent(e.getNumber(), e));
        tenant.getNumbers().stream().filter(n -> n.getNumber() != null)
                .forEach(n -> numbers.putIfAbsent(n.getNumber(), n));
        tenant.getChannels().forEach(c -> channelNames.add(c.getName()));
        tenant.getPrivacyGroups().forEach(g -> privacyGroupNames.add(g.getName()));
    }

    /** Adds the violations of this area. */
    abstract void run();


    void window(String p, WeeklyWindow w) {
        if (w == null || w.getFrom() == null || w.getTo() == null) {
            return;
        }
        if (w.isPeriod()) {
            if (w.getFromDay() == null || w.getToDay() == null) {
                add(p, "periodNeedsBothDays");
            } else if (!w.getDays().isEmpty()) {
                add(p + ".days", "daysOrPeriod");
            } else if (w.getFromDay() == w.getToDay() && w.getFrom().equals(w.getTo())) {
                add(p + ".to", "periodStartsWhereItEnds");
            }
        } else {
            if (w.getDays().isEmpty()) {
                add(p + ".days", "daysRequired");
            }
            noDuplicates(p + ".days", w.getDays(), String::valueOf);
            // An end before the start runs past midnight (WeeklyWindow); an equal end is no window.
            if (w.getFrom().equals(w.getTo())) {
                add(p + ".to", "endEqualsStartTime", w.getFrom());
            }
        }
    }

    void users(String p, List<String> members) {
        noDuplicates(p, members, Function.identity());
        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            if (m != null && !(extensions.get(m) instanceof UserExtension)) {
                add(p + "[" + i + "]", "notAUser", m);
            }
        }
    }

    void accountNumber(String p, String number) {
        if (number != null && !numbers.containsKey(number)) {
            add(p, "notANumberOfTenant", number);
        }
    }

    /** A new secret must satisfy its policy; an exported hash is taken as it is. */
    void secret(String p, String field, String plain, String hash) {
        if (plain == null && hash == null) {
            add(p + "." + field, "required");
        } else if (plain != null && field.equals("pin")) {
            PinPolicy.refusal(plain).ifPresent(key -> add(p + ".pin", key));
        }
    }

    void destination(String p, String value, Allow allow) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.equals("voicemail")) {
            if (!allow.voicemail()) {
                add(p, "voicemailNotAllowed");
            }
        } else if (value.equals("busy")) {
            if (!allow.busy()) {
                add(p, "busyNotAllowed");
            }
        } else if (value.matches(EXTERNAL_NUMBER) && !extensions.containsKey(value)) {
            if (!allow.external()) {
                add(p, "externalNotAllowed", value);
            }
        } else if (extensions.containsKey(value)) {
            Extension e = extensions.get(value);
            if (allow.extensionTypes().isEmpty()) {
                add(p, "internalNotAllowed", value);
            } else if (!allow.extensionTypes().contains(e.getType())) {
                add(p, "wrongExtensionType", value, e.getType(), allow.extensionTypes());
            }
        } else if (value.matches("\\d{3,5}")) {
            add(p, "noExtension", value);
        } else {
            add(p, "unknownDestination", value);
        }
    }

    void bothOrNeither(String p, String a, Object va, String b, Object vb) {
        if (va != null && vb == null) {
            add(p + "." + b, "requiredWhen", a);
        } else if (va == null && vb != null) {
            add(p + "." + a, "requiredWhen", b);
        }
    }

    <T> void noDuplicates(String p, Collection<T> items, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (T item : items) {
            String k = item == null ? null : key.apply(item);
            if (k != null && !seen.add(k)) {
                add(p + "[" + i + "]", "duplicate", k);
            }
            i++;
        }
    }

    <T extends Extension> void each(Class<T> type, java.util.function.BiConsumer<T, String> check) {
        List<T> list = tenant.ofType(type);
        for (int i = 0; i < list.size(); i++) {
            check.accept(list.get(i), TenantValidator.listName(list.get(i).getType()) + "[" + i + "]");
        }
    }

    /** The violation at {@code path}: the sentence {@code key} of {@link ViolationTexts} with its data. */
    void add(String path, String key, Object... args) {
        out.add(Violation.of(path, key, args));
    }

    void add(Violation violation) {
        out.add(violation);
    }
}
