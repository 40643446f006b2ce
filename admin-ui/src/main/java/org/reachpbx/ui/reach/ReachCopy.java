package org.reachpbx.ui.reach;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.DeviceSelection;
import org.reachpbx.directory.model.DynamicCallerId;
import org.reachpbx.directory.model.ManualDeviceOverride;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.ReachConfig;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.UserDevice;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.NumberKind;

/**
 * Copy REACH (REACH-23): one user's configuration is copied over a target's, replacing what is
 * user-specific.
 * <ul>
 * <li>Devices (REACH-24): a device selection of a type the target has becomes a selection of each
 * of the target's devices of that type (same on/off and step); a type the target lacks is left out;
 * when a profile enabled only types the target lacks, all of the target's devices are enabled in
 * it, so the target stays reachable. The manual device override follows the same mapping.</li>
 * <li>Numbers (REACH-25): a caller ID that is the source's personal number becomes the target's
 * first personal number of the same kind (fixed/mobile), else its first of the other kind, else the
 * setting is switched off (a dynamic caller ID is then removed). Company numbers are copied
 * unchanged. "First" is the order of the tenant's number list.</li>
 * </ul>
 * The result lists every change in words, for the confirmation step.
 */
public final class ReachCopy {

    /** The target's new configuration and what happened to the user-specific values. */
    public record Result(UserExtension target, ReachConfig reach, List<String> notes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ReachCopy() {
    }

    /** What reassigning changed besides the configuration itself, per side. */
    public record Reassigned(List<String> targetNotes, List<String> sourceNotes) {
    }

    /**
     * Copies the source's configuration over the target's in place (what {@link #copy} works out),
     * then unsets the target's number classes that the new configuration lacks. Returns every
     * change in words.
     */
    public static List<String> copyOnto(UserExtension source, UserExtension target, List<PhoneNumber> numbers) {
        Result r = copy(source, target, numbers);
        target.setReach(r.reach());
        List<String> notes = new ArrayList<>(r.notes());
        notes.addAll(ReachEdits.unsetMissingNumberClasses(target, numbers));
        return notes;
    }

    /**
     * Reassign REACH (REACH-21): the target gets the source's configuration, its user-specific
     * values replaced as when copying, and the source is left cleared (REACH-22).
     */
    public static Reassigned reassign(UserExtension source, UserExtension target, List<PhoneNumber> numbers) {
        List<String> targetNotes = copyOnto(source, target, numbers);
        return new Reassigned(targetNotes, ReachEdits.clear(source, numbers));
    }

    public static Result copy(UserExtension source, UserExtension target, List<PhoneNumber> numbers) {
        ReachConfig reach = deepCopy(source.getReach());
        List<String> notes = new ArrayList<>();
        Map<String, DeviceType> sourceTypes = source.getDevices().stream()
                .collect(Collectors.toMap(UserDevice::getName, UserDevice::getType, (a, b) -> a));
        for (ReachProfile p : allProfiles(reach)) {
            p.setDevices(mapDevices(p.getName(), p.getDevices(), sourceTypes, target, notes));
            p.setCallerId(number(p.getCallerId(), source, target, numbers, "profile " + p.getName() + ": caller ID",
                    notes).orElse(null));
        }
        for (CallClass c : reach.getCallClasses()) {
            c.setCallerId(number(c.getCallerId(), source, target, numbers, "call class " + c.getName()
                    + ": caller ID", notes).orElse(null));
        }
        for (Iterator<DynamicCallerId> it = reach.getDynamicCallerIds().iterator(); it.hasNext(); ) {
            DynamicCallerId d = it.next();
            Optional<String> n = number(d.getCallerId(), source, target, numbers, "dynamic caller ID " + d.getCode(),
                    notes);
            if (n.isPresent()) {
                d.setCallerId(n.get());
            } else {
                it.remove();
            }
        }
        ManualDeviceOverride override = reach.getManualDeviceOverride();
        if (override != null && !override.getDevices().isEmpty()) {
            List<String> mapped = new ArrayList<>();
            for (String name : override.getDevices()) {
                DeviceType type = sourceTypes.get(name);
                List<String> same = devicesOf(target, type);
                if (same.isEmpty()) {
                    notes.add("device override: " + name + " left out (the target has no " + type + " device)");
                }
                same.stream().filter(d -> !mapped.contains(d)).forEach(mapped::add);
            }
            if (mapped.isEmpty()) {
                reach.setManualDeviceOverride(null);
                notes.add("device override: removed (no device of the same type)");
            } else {
                override.setDevices(mapped);
            }
        }
        return new Result(target, reach, notes);
    }

    /** The profiles, the default one first. */
    static List<ReachProfile> allProfiles(ReachConfig reach) {
        List<ReachProfile> all = new ArrayList<>();
        all.add(reach.getDefaultProfile());
        all.addAll(reach.getProfiles());
        return all;
    }

    private static List<DeviceSelection> mapDevices(String profile, List<DeviceSelection> selections,
                                                    Map<String, DeviceType> sourceTypes, UserExtension target,
                                                    List<String> notes) {
        if (selections.isEmpty()) {
            return new ArrayList<>();
        }
        List<DeviceSelection> mapped = new ArrayList<>();
        Set<DeviceType> lacking = EnumSet.noneOf(DeviceType.class);
        boolean anyEnabled = false;
        for (DeviceSelection s : selections) {
            anyEnabled |= s.isEnabled();
            DeviceType type = sourceTypes.get(s.getDevice());
            List<String> same = devicesOf(target, type);
            if (same.isEmpty()) {
                if (type != null) {
                    lacking.add(type);
                }
                continue;
            }
            for (String name : same) {
                if (mapped.stream().noneMatch(m -> m.getDevice().equals(name))) {
                    mapped.add(selection(name, s.isEnabled(), s.getStep()));
                }
            }
        }
        lacking.forEach(t -> notes.add("profile " + profile + ": " + t + " settings not copied (the target has no "
                + t + " device)"));
        if (anyEnabled && mapped.stream().noneMatch(DeviceSelection::isEnabled) && !target.getDevices().isEmpty()) {
            mapped.clear();
            target.getDevices().forEach(d -> mapped.add(selection(d.getName(), true, 1)));
            notes.add("profile " + profile + ": enabled only device types the target lacks, so all of the "
                    + "target's devices are enabled");
        }
        mapped.sort(Comparator.comparingInt(DeviceSelection::getStep));
        return mapped;
    }

    private static List<String> devicesOf(UserExtension user, DeviceType type) {
        return user.getDevices().stream().filter(d -> d.getType() == type).map(UserDevice::getName).toList();
    }

    private static DeviceSelection selection(String device, boolean enabled, int step) {
        DeviceSelection d = new DeviceSelection();
        d.setDevice(device);
        d.setEnabled(enabled);
        d.setStep(step);
        return d;
    }

    /** REACH-25 for one caller-ID setting; empty = switched off. */
    static Optional<String> number(String value, UserExtension source, UserExtension target,
                                   List<PhoneNumber> numbers, String what, List<String> notes) {
        if (value == null || value.isBlank()) {
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }
        Optional<PhoneNumber> known = numbers.stream().filter(n -> value.equals(n.getNumber())).findFirst();
        if (known.isEmpty() || known.get().isCompanyNumber()
                || !Objects.equals(known.get().getOwner(), source.getNumber())) {
            return Optional.of(value); // a company number (or one not personal to the source): unchanged
        }
        NumberKind kind = known.get().getKind();
        List<PhoneNumber> own = numbers.stream().filter(n -> target.getNumber().equals(n.getOwner())).toList();
        Optional<String> replacement = own.stream().filter(n -> n.getKind() == kind).findFirst()
                .or(() -> own.stream().findFirst()).map(PhoneNumber::getNumber);
        Consumer<String> note = notes::add;
        note.accept(what + ": " + value + " → " + replacement.orElse("off (the target has no personal number)"));
        return replacement;
    }

    static ReachConfig deepCopy(ReachConfig reach) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(reach), ReachConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
