package org.reachpbx.directory.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.CallLimitExtension;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.ExtensionChooserExtension;
import org.reachpbx.directory.model.ForwardExtension;
import org.reachpbx.directory.model.GroupExtension;
import org.reachpbx.directory.model.GroupForwards;
import org.reachpbx.directory.model.Holiday;
import org.reachpbx.directory.model.IpAllowEntry;
import org.reachpbx.directory.model.IvrExtension;
import org.reachpbx.directory.model.IvrOption;
import org.reachpbx.directory.model.LbrEntry;
import org.reachpbx.directory.model.LbrExtension;
import org.reachpbx.directory.model.MatrixCell;
import org.reachpbx.directory.model.NumberPlan;
import org.reachpbx.directory.model.NumberPlanEntry;
import org.reachpbx.directory.model.NumberPlanSchema;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.PrivacyGroup;
import org.reachpbx.directory.model.PrivacyRight;
import org.reachpbx.directory.model.QueueExtension;
import org.reachpbx.directory.model.ReachConfig;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.ReachStatus;
import org.reachpbx.directory.model.ScheduleEntry;
import org.reachpbx.directory.model.TbrExtension;
import org.reachpbx.directory.model.TbrPeriod;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserDevice;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.VoicemailExtension;
import org.reachpbx.directory.model.WeeklyWindow;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.ForwardCallerId;
import org.reachpbx.rules.vocabulary.Licence;
import org.reachpbx.rules.vocabulary.QueueStrategy;
import org.reachpbx.rules.vocabulary.SystemCodes;
import org.springframework.stereotype.Component;

/**
 * Checks one tenant's configuration as a whole before anything is stored: field constraints of the
 * entities (bean validation) and every rule that relates one configured thing to another. The import
 * and the admin UI both go through here, so a configuration is judged the same way everywhere.
 * Each violation names the path in the tenant document and the reason.
 */
@Component
public class TenantValidator {

    /** Maximum number of plans per schema (NP-05). */
    static final int MAX_PLANS = 99;
    /** Maximum members of a ring-all queue (QUE-16). */
    static final int MAX_RING_ALL_MEMBERS = 15;

    private static final String EXTERNAL_NUMBER = "(\\+|0)\\d{2,19}";
    private static final Set<ExtensionType> ANY_TYPE = EnumSet.allOf(ExtensionType.class);

    private final Validator beanValidator;

    public TenantValidator(Validator beanValidator) {
        this.beanValidator = beanValidator;
    }

    /**
     * All violations of {@code tenant}; empty when it may be stored. {@code stored} is the version
     * currently in the database when the tenant is being replaced.
     */
    public List<Violation> validate(Tenant tenant, Optional<Tenant> stored) {
        List<Violation> violations = new ArrayList<>(fieldViolations(tenant));
        new Run(tenant, violations).all(stored);
        violations.sort(Comparator.comparing(Violation::path, TenantValidator::documentOrder));
        return violations;
    }

    /** Orders paths as they appear in a document: list positions compare as numbers (2 before 10). */
    static int documentOrder(String a, String b) {
        String[] x = a.split("(?=\\[)|(?<=\\])");
        String[] y = b.split("(?=\\[)|(?<=\\])");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\[\\d+]") && y[i].matches("\\[\\d+]")
                    ? Integer.compare(Integer.parseInt(x[i].substring(1, x[i].length() - 1)),
                            Integer.parseInt(y[i].substring(1, y[i].length() - 1)))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** Like {@link #validate} but throws when anything is wrong. */
    public void check(Tenant tenant, Optional<Tenant> stored) {
        List<Violation> violations = validate(tenant, stored);
        if (!violations.isEmpty()) {
            throw new InvalidConfigurationException(violations);
        }
    }

    private List<Violation> fieldViolations(Tenant tenant) {
        List<Violation> result = new ArrayList<>();
        for (ConstraintViolation<Tenant> v : beanValidator.validate(tenant)) {
            Violation violation = new Violation(documentPath(tenant, v.getPropertyPath().toString()), v.getMessage());
            // Hibernate Validator may report one constraint twice (seen for QueueExtension.ringTimeout).
            if (!result.contains(violation)) {
                result.add(violation);
            }
        }
        return result;
    }

    /**
     * Bean validation reports extensions as {@code extensions[k]}; the document has one list per
     * type ({@code users[j]}). Translate, and drop the validator's container markers.
     */
    static String documentPath(Tenant tenant, String path) {
        String p = path.replace(".<list element>", "").replace("<list element>", "");
        // A REACH configuration keeps its default profile first in one list of all profiles.
        p = p.replace("allProfiles[0]", "defaultProfile");
        java.util.regex.Matcher custom = java.util.regex.Pattern.compile("allProfiles\\[(\\d+)]").matcher(p);
        if (custom.find()) {
            p = custom.replaceFirst("profiles[" + (Integer.parseInt(custom.group(1)) - 1) + "]");
        }
        if (p.startsWith("extensions[")) {
            int close = p.indexOf(']');
            int k = Integer.parseInt(p.substring("extensions[".length(), close));
            Extension e = tenant.getExtensions().get(k);
            int j = 0;
            for (int i = 0; i < k; i++) {
                if (tenant.getExtensions().get(i).getType() == e.getType()) {
                    j++;
                }
            }
            p = listName(e.getType()) + "[" + j + "]" + p.substring(close + 1);
        }
        return p;
    }

    /** The document's list name for an extension type. */
    static String listName(ExtensionType type) {
        return switch (type) {
            case USER -> "users";
            case GROUP -> "groups";
            case VOICEMAIL -> "voicemails";
            case AUTO_ANSWER -> "autoAnswers";
            case IVR -> "ivrs";
            case QUEUE -> "queues";
            case EXTENSION_CHOOSER -> "extensionChoosers";
            case SYSTEM -> "systemExtensions";
            case LBR -> "lbrs";
            case TBR -> "tbrs";
            case CALL_LIMIT -> "callLimits";
            case FORWARD -> "forwards";
            case AI -> "aiExtensions";
        };
    }

    /** One validation pass over one tenant. */
    private static final class Run {
        private final Tenant tenant;
        private final List<Violation> out;
        private final Map<String, Extension> extensions = new HashMap<>();
        private final Map<String, PhoneNumber> numbers = new HashMap<>();
        private final Set<String> channelNames = new HashSet<>();
        private final Set<String> privacyGroupNames = new HashSet<>();

        Run(Tenant tenant, List<Violation> out) {
            this.tenant = tenant;
            this.out = out;
            tenant.getExtensions().stream().filter(e -> e.getNumber() != null)
                    .forEach(e -> extensions.putIfAbsent(e.getNumber(), e));
            tenant.getNumbers().stream().filter(n -> n.getNumber() != null)
                    .forEach(n -> numbers.putIfAbsent(n.getNumber(), n));
            tenant.getChannels().forEach(c -> channelNames.add(c.getName()));
            tenant.getPrivacyGroups().forEach(g -> privacyGroupNames.add(g.getName()));
        }

        void all(Optional<Tenant> stored) {
            account(stored);
            phoneNumbers();
            channels();
            privacyGroups();
            extensionNumbers();
            each(UserExtension.class, this::user);
            each(GroupExtension.class, this::group);
            each(VoicemailExtension.class, (v, p) -> secret(p, "pin", v.getPin(), v.getPinHash()));
            each(IvrExtension.class, this::ivr);
            each(QueueExtension.class, this::queue);
            each(ExtensionChooserExtension.class, (x, p) -> destination(p + ".fallbackExtension",
                    x.getFallbackExtension(), Allow.extensionsOf(EnumSet.of(ExtensionType.USER, ExtensionType.GROUP))));
            each(LbrExtension.class, this::lbr);
            each(TbrExtension.class, this::tbr);
            each(CallLimitExtension.class, this::callLimit);
            each(ForwardExtension.class, this::forward);
            aiFairUse();
            numberPlans();
        }

        // ---- account ----------------------------------------------------------------------

        private void account(Optional<Tenant> stored) {
            if (tenant.getTimeZone() != null) {
                try {
                    ZoneId.of(tenant.getTimeZone());
                } catch (DateTimeException e) {
                    add("timeZone", "'" + tenant.getTimeZone() + "' is not a time zone (e.g. Europe/Amsterdam)");
                }
            }
            stored.ifPresent(old -> {
                if (!Objects.equals(old.getExtensionLength(), tenant.getExtensionLength())) {
                    add("extensionLength", "is fixed once chosen (" + old.getExtensionLength()
                            + "); a different length needs a new account");
                }
            });
            if (tenant.getEmergencyFallbackCallerId() != null) {
                PhoneNumber n = numbers.get(tenant.getEmergencyFallbackCallerId());
                if (n == null || !n.isCompanyNumber() || !n.isActive()) {
                    add("emergencyFallbackCallerId", tenant.getEmergencyFallbackCallerId()
                            + " must be an active company number of this tenant");
                }
            }
            noDuplicates("callBarring", tenant.getCallBarring(), String::valueOf);
            if (!tenant.isIpListing() && !tenant.getIpAllowlist().isEmpty()) {
                add("ipAllowlist", "is only available when ipListing is on");
            }
            for (int i = 0; i < tenant.getIpAllowlist().size(); i++) {
                IpAllowEntry e = tenant.getIpAllowlist().get(i);
                String p = "ipAllowlist[" + i + "]";
                if (e.getFrom() != null) {
                    Ipv4Range.check(p, e.getFrom(), e.getTo()).ifPresent(out::add);
                }
            }
        }

        private void phoneNumbers() {
            noDuplicates("numbers", tenant.getNumbers(), PhoneNumber::getNumber);
            for (int i = 0; i < tenant.getNumbers().size(); i++) {
                PhoneNumber n = tenant.getNumbers().get(i);
                String p = "numbers[" + i + "]";
                if (n.getOwner() == null) {
                    if (n.getDefaultCallClass() != null || n.getAnonymousCallClass() != null) {
                        add(p, "call classes can only be set on a personal number (one with an owner)");
                    }
                    continue;
                }
                Extension owner = extensions.get(n.getOwner());
                if (!(owner instanceof UserExtension user)) {
                    add(p + ".owner", "'" + n.getOwner() + "' is not a user extension of this tenant");
                    continue;
                }
                callClassOf(user, p + ".defaultCallClass", n.getDefaultCallClass());
                callClassOf(user, p + ".anonymousCallClass", n.getAnonymousCallClass());
            }
        }

        private void callClassOf(UserExtension user, String path, String name) {
            if (name != null && user.getReach().getCallClasses().stream().noneMatch(c -> name.equals(c.getName()))) {
                add(path, "user " + user.getNumber() + " has no call class '" + name + "'");
            }
        }

        private void channels() {
            noDuplicates("channels", tenant.getChannels(), Channel::getName);
            Map<String, Integer> coupled = new HashMap<>();
            for (int i = 0; i < tenant.getChannels().size(); i++) {
                Channel c = tenant.getChannels().get(i);
                String p = "channels[" + i + "]";
                secret(p, "password", c.getPassword(), c.getPasswordHash() == null ? null : c.getPasswordHash().getMd5());
                accountNumber(p + ".emergencyFallbackCallerId", c.getEmergencyFallbackCallerId());
                if (c.isSipEncryption() && !tenant.getFacilities().isSipEncryption()) {
                    add(p + ".sipEncryption", "needs the account's SIP encryption facility");
                }
                if (c.getCoupledUser() != null) {
                    Extension e = extensions.get(c.getCoupledUser());
                    if (!(e instanceof UserExtension user)) {
                        add(p + ".coupledUser", "'" + c.getCoupledUser() + "' is not a user extension of this tenant");
                    } else {
                        int count = coupled.merge(user.getNumber(), 1, Integer::sum);
                        int max = user.isTwinning() ? 2 : 1;
                        if (count > max) {
                            add(p + ".coupledUser", "user " + user.getNumber() + " can be linked to at most " + max
                                    + (max == 1 ? " channel without twinning" : " channels with twinning"));
                        }
                    }
                }
            }
        }

        private void privacyGroups() {
            noDuplicates("privacyGroups", tenant.getPrivacyGroups(), PrivacyGroup::getName);
            for (int i = 0; i < tenant.getPrivacyGroups().size(); i++) {
                PrivacyGroup g = tenant.getPrivacyGroups().get(i);
                String p = "privacyGroups[" + i + "]";
                users(p + ".members", g.getMembers());
                noDuplicates(p + ".rights", g.getRights(), PrivacyRight::getTarget);
                for (int j = 0; j < g.getRights().size(); j++) {
                    String target = g.getRights().get(j).getTarget();
                    if (target != null && !(extensions.get(target) instanceof UserExtension)) {
                        add(p + ".rights[" + j + "].target", "'" + target + "' is not a user extension of this tenant");
                    }
                }
            }
        }

        // ---- extensions -------------------------------------------------------------------

        private void extensionNumbers() {
            Integer length = tenant.getExtensionLength();
            Set<String> seen = new HashSet<>();
            for (ExtensionType type : ExtensionType.values()) {
                List<Extension> ofType = tenant.getExtensions().stream().filter(e -> e.getType() == type).toList();
                for (int j = 0; j < ofType.size(); j++) {
                    String number = ofType.get(j).getNumber();
                    String p = listName(type) + "[" + j + "].number";
                    if (number == null || !number.matches("\\d+")) {
                        continue; // reported by the field constraint
                    }
                    if (length != null && number.length() != length) {
                        add(p, number + " must have " + length + " digits (the tenant's extension length)");
                    } else if (SystemCodes.collidesWithExtension(number)) {
                        add(p, number + " is a system number (SYSNUM-01) and cannot be an extension");
                    }
                    if (!seen.add(number)) {
                        add(p, "extension number " + number + " is already used by another extension of this tenant");
                    }
                }
            }
        }

        private void user(UserExtension u, String p) {
            secret(p, "pin", u.getPin(), u.getPinHash());
            if (u.isTwinning() && !tenant.getFacilities().isTwinning()) {
                add(p + ".twinning", "needs the account's twinning facility");
            }
            if (u.getRights().isCallRecording() && !tenant.getFacilities().isCallRecording()) {
                add(p + ".rights.callRecording", "needs the account's call recording facility");
            }
            if (u.getAssistantGroup() != null && !privacyGroupNames.contains(u.getAssistantGroup())) {
                add(p + ".assistantGroup", "there is no privacy group '" + u.getAssistantGroup() + "'");
            }
            accountNumber(p + ".emergencyFallbackCallerId", u.getEmergencyFallbackCallerId());
            noDuplicates(p + ".devices", u.getDevices(), UserDevice::getName);
            for (int i = 0; i < u.getDevices().size(); i++) {
                UserDevice d = u.getDevices().get(i);
                if (d.getChannel() != null) {
                    if (d.getType() != DeviceType.FIXED) {
                        add(p + ".devices[" + i + "].channel", "only a FIXED device is on a channel");
                    } else if (!channelNames.contains(d.getChannel())) {
                        add(p + ".devices[" + i + "].channel", "there is no channel '" + d.getChannel() + "'");
                    }
                }
            }
            reach(u, p + ".reach");
        }

        private void reach(UserExtension u, String p) {
            ReachConfig r = u.getReach();
            if (r == null) {
                add(p, "is required");
                return;
            }
            Set<String> devices = u.getDevices().stream().map(UserDevice::getName).collect(Collectors.toSet());
            ReachProfile def = r.getDefaultProfile();
            if (def != null) {
                if (!def.getInherit().isEmpty()) {
                    add(p + ".defaultProfile.inherit", "the default profile cannot inherit");
                }
                profile(u, def, p + ".defaultProfile", devices);
            }
            List<ReachProfile> all = new ArrayList<>(r.getProfiles());
            if (def != null) {
                all.add(0, def);
            }
            noDuplicates(p + ".profiles", all, ReachProfile::getName);
            for (int i = 0; i < r.getProfiles().size(); i++) {
                profile(u, r.getProfiles().get(i), p + ".profiles[" + i + "]", devices);
            }
            noDuplicates(p + ".statuses", r.getStatuses(), ReachStatus::getName);
            Set<String> statuses = r.getStatuses().stream().map(ReachStatus::getName).collect(Collectors.toSet());
            for (int i = 0; i < r.getStatuses().size(); i++) {
                List<? extends WeeklyWindow> times = r.getStatuses().get(i).getTimes();
                for (int j = 0; j < times.size(); j++) {
                    window(p + ".statuses[" + i + "].times[" + j + "]", times.get(j));
                }
            }
            noDuplicates(p + ".callClasses", r.getCallClasses(), CallClass::getName);
            Set<String> classes = r.getCallClasses().stream().map(CallClass::getName).collect(Collectors.toSet());
            for (int i = 0; i < r.getCallClasses().size(); i++) {
                CallClass c = r.getCallClasses().get(i);
                String cp = p + ".callClasses[" + i + "]";
                accountNumber(cp + ".callerId", c.getCallerId());
                for (int j = 0; j < c.getExtensions().size(); j++) {
                    String ext = c.getExtensions().get(j);
                    if (ext != null && !extensions.containsKey(ext)) {
                        add(cp + ".extensions[" + j + "]", "there is no extension " + ext);
                    }
                }
            }
            Set<String> profiles = all.stream().map(ReachProfile::getName).collect(Collectors.toSet());
            noDuplicates(p + ".matrix", r.getMatrix(), c -> c.getCallClass() + " × " + c.getStatus());
            for (int i = 0; i < r.getMatrix().size(); i++) {
                MatrixCell c = r.getMatrix().get(i);
                String cp = p + ".matrix[" + i + "]";
                if (c.getCallClass() != null && !classes.contains(c.getCallClass())) {
                    add(cp + ".callClass", "there is no call class '" + c.getCallClass() + "'");
                }
                if (c.getStatus() != null && !statuses.contains(c.getStatus())) {
                    add(cp + ".status", "there is no status '" + c.getStatus() + "'");
                }
                if (c.getProfile() != null && !profiles.contains(c.getProfile())) {
                    add(cp + ".profile", "there is no profile '" + c.getProfile() + "'");
                }
            }
            noDuplicates(p + ".dynamicCallerIds", r.getDynamicCallerIds(), d -> d.getCode());
            for (int i = 0; i < r.getDynamicCallerIds().size(); i++) {
                accountNumber(p + ".dynamicCallerIds[" + i + "].callerId", r.getDynamicCallerIds().get(i).getCallerId());
            }
            noDuplicates(p + ".callBarring", r.getCallBarring(), String::valueOf);
            if (r.getManualStatus() != null && r.getManualStatus().getStatus() != null
                    && !statuses.contains(r.getManualStatus().getStatus())) {
                add(p + ".manualStatus.status", "there is no status '" + r.getManualStatus().getStatus() + "'");
            }
            if (r.getRoamingStatus() != null && !statuses.contains(r.getRoamingStatus())) {
                add(p + ".roamingStatus", "there is no status '" + r.getRoamingStatus() + "'");
            }
            if (r.getManualDeviceOverride() != null) {
                List<String> forced = r.getManualDeviceOverride().getDevices();
                for (int i = 0; i < forced.size(); i++) {
                    if (forced.get(i) != null && !devices.contains(forced.get(i))) {
                        add(p + ".manualDeviceOverride.devices[" + i + "]", "user " + u.getNumber()
                                + " has no device '" + forced.get(i) + "'");
                    }
                }
            }
        }

        private void profile(UserExtension u, ReachProfile profile, String p, Set<String> devices) {
            accountNumber(p + ".callerId", profile.getCallerId());
            destination(p + ".forwardAlways", profile.getForwardAlways(), Allow.voicemailOrExtension());
            destination(p + ".forwardOnBusy", profile.getForwardOnBusy(), Allow.anything());
            destination(p + ".forwardOnNoAnswer", profile.getForwardOnNoAnswer(), Allow.anything());
            if (profile.getForwardCallerId() == ForwardCallerId.SPECIFIC_NUMBER) {
                add(p + ".forwardCallerId", "must be USER_CALLER_ID, ORIGINAL_CALLER or CALLED_NUMBER");
            }
            if (profile.getVoicemailBox() != null
                    && !(extensions.get(profile.getVoicemailBox()) instanceof VoicemailExtension)) {
                add(p + ".voicemailBox", "'" + profile.getVoicemailBox() + "' is not a voicemail extension"
                        + " (leave empty for the user's personal mailbox)");
            }
            noDuplicates(p + ".devices", profile.getDevices(), d -> d.getDevice());
            for (int i = 0; i < profile.getDevices().size(); i++) {
                String d = profile.getDevices().get(i).getDevice();
                if (d != null && !devices.contains(d)) {
                    add(p + ".devices[" + i + "].device", "user " + u.getNumber() + " has no device '" + d + "'");
                }
            }
        }

        private void group(GroupExtension g, String p) {
            users(p + ".members", g.getMembers());
            groupForwards(p + ".internalForwards", g.getInternalForwards(), Allow.extensionOrExternal());
            groupForwards(p + ".externalForwards", g.getExternalForwards(), Allow.externalOnly());
            if (g.getForwardCallerId() != ForwardCallerId.ORIGINAL_CALLER
                    && g.getForwardCallerId() != ForwardCallerId.CALLED_NUMBER) {
                add(p + ".forwardCallerId", "must be ORIGINAL_CALLER or CALLED_NUMBER");
            }
            for (int i = 0; i < g.getPrivacyGroups().size(); i++) {
                String name = g.getPrivacyGroups().get(i);
                if (name != null && !privacyGroupNames.contains(name)) {
                    add(p + ".privacyGroups[" + i + "]", "there is no privacy group '" + name + "'");
                }
            }
        }

        private void groupForwards(String p, GroupForwards f, Allow allow) {
            if (f == null) {
                return;
            }
            numberList(p + ".always", f.getAlways(), allow);
            numberList(p + ".onBusy", f.getOnBusy(), allow);
            numberList(p + ".onNoAnswer", f.getOnNoAnswer(), allow);
        }

        /** A ';'-separated list of numbers called in parallel (GRP-05). */
        private void numberList(String p, String list, Allow allow) {
            if (list == null || list.isBlank()) {
                return;
            }
            boolean emptyItem = false;
            for (String item : list.split(";", -1)) {
                if (item.isBlank()) {
                    emptyItem = true;
                } else {
                    destination(p, item.trim(), allow);
                }
            }
            if (emptyItem) {
                add(p, "'" + list + "' has an empty item; separate the numbers with one ';' each");
            }
        }

        private void ivr(IvrExtension ivr, String p) {
            noDuplicates(p + ".options", ivr.getOptions(), IvrOption::getDigits);
            for (int i = 0; i < ivr.getOptions().size(); i++) {
                IvrOption o = ivr.getOptions().get(i);
                String op = p + ".options[" + i + "]";
                if (o.getDigits() != null && o.getDigits().length() > ivr.getMaxDigits()) {
                    add(op + ".digits", "'" + o.getDigits() + "' has " + o.getDigits().length()
                            + " digits, more than maxDigits (" + ivr.getMaxDigits() + ")");
                }
                destination(op + ".destination", o.getDestination(), Allow.extensionsOf(ANY_TYPE));
            }
            bothOrNeither(p, "failoverTimeout", ivr.getFailoverTimeout(), "failoverDestination", ivr.getFailoverDestination());
            destination(p + ".failoverDestination", ivr.getFailoverDestination(), Allow.extensionsOf(ANY_TYPE));
        }

        private void queue(QueueExtension q, String p) {
            // The name shows in reports and the apps: no special characters (QUE-01).
            if (q.getName() != null && !q.getName().matches("[\\p{L}\\p{N} _.-]+")) {
                add(p + ".name", "'" + q.getName() + "' may only contain letters, digits, spaces, '-', '_' and '.'");
            }
            noDuplicates(p + ".members", q.getMembers(), Function.identity());
            for (int i = 0; i < q.getMembers().size(); i++) {
                String m = q.getMembers().get(i);
                Extension e = extensions.get(m);
                String mp = p + ".members[" + i + "]";
                if (!(e instanceof UserExtension) && !(e instanceof ForwardExtension)) {
                    add(mp, "'" + m + "' is not a user or forward extension; only those can be queue members");
                } else if (e instanceof UserExtension u && u.getLicence() == Licence.START) {
                    add(mp, "user " + m + " has a Start licence and cannot be a queue member");
                }
            }
            if (q.getStrategy() == QueueStrategy.RING_ALL && q.getMembers().size() > MAX_RING_ALL_MEMBERS) {
                add(p + ".members", "a ring-all queue has at most " + MAX_RING_ALL_MEMBERS + " members");
            }
            if (q.getStartDate() != null && q.getEndDate() != null && !q.getStartDate().isBefore(q.getEndDate())) {
                add(p + ".endDate", "must be after startDate " + q.getStartDate());
            }
            destination(p + ".callLimitDestination", q.getCallLimitDestination(), Allow.extensionOrExternal());
            destination(p + ".exitDestination", q.getExitDestination(), Allow.extensionOrExternal());
            destination(p + ".noAgentsDestination", q.getNoAgentsDestination(), Allow.extensionOrExternal());
            bothOrNeither(p, "maxWaitTimeout", q.getMaxWaitTimeout(), "maxWaitDestination", q.getMaxWaitDestination());
            destination(p + ".maxWaitDestination", q.getMaxWaitDestination(), Allow.extensionOrExternal());
        }

        private void lbr(LbrExtension l, String p) {
            destination(p + ".defaultDestination", l.getDefaultDestination(), Allow.extensionOrExternal());
            destination(p + ".anonymousDestination", l.getAnonymousDestination(), Allow.extensionOrExternal());
            destination(p + ".mobileDestination", l.getMobileDestination(), Allow.extensionOrExternal());
            if (l.getLbrType() == null) {
                return;
            }
            String matchRule = switch (l.getLbrType()) {
                case AREA_CODE -> "0[1-9]\\d{1,2}";
                case POSTAL_CODE -> "[1-9]\\d{3}";
                case CALLER_NUMBER -> "\\d{1,20}[%*]?";
                case CALLED_NUMBER -> EXTERNAL_NUMBER;
            };
            String matchHelp = switch (l.getLbrType()) {
                case AREA_CODE -> "an area code such as 010";
                case POSTAL_CODE -> "a 4-digit postal code such as 3011";
                case CALLER_NUMBER -> "a number, optionally ending in the wildcard % or *";
                case CALLED_NUMBER -> "a phone number";
            };
            noDuplicates(p + ".entries", l.getEntries(), LbrEntry::getMatch);
            for (int i = 0; i < l.getEntries().size(); i++) {
                LbrEntry e = l.getEntries().get(i);
                if (e.getMatch() != null && !e.getMatch().matches(matchRule)) {
                    add(p + ".entries[" + i + "].match", "'" + e.getMatch() + "' must be " + matchHelp);
                }
                destination(p + ".entries[" + i + "].destination", e.getDestination(), Allow.extensionOrExternal());
            }
            if (l.getMobileDestination() != null && l.getLbrType() != org.reachpbx.rules.vocabulary.LbrType.AREA_CODE) {
                add(p + ".mobileDestination", "only the AREA_CODE type has a mobile fallback");
            }
        }

        private void tbr(TbrExtension t, String p) {
            destination(p + ".defaultDestination", t.getDefaultDestination(), Allow.extensionOrExternal());
            for (int i = 0; i < t.getPeriods().size(); i++) {
                TbrPeriod period = t.getPeriods().get(i);
                String pp = p + ".periods[" + i + "]";
                destination(pp + ".destination", period.getDestination(), Allow.extensionOrExternal());
                if (period.getFrom() != null && period.getFrom().equals(period.getTo())) {
                    add(pp + ".to", "must differ from the start time " + period.getFrom());
                }
            }
        }

        private void callLimit(CallLimitExtension c, String p) {
            destination(p + ".withinLimitDestination", c.getWithinLimitDestination(), Allow.extensionOrExternal());
            destination(p + ".aboveLimitDestination", c.getAboveLimitDestination(), Allow.extensionOrExternalOrBusy());
            specificCallerId(p, c.getCallerId(), c.getCallerIdNumber(), true);
        }

        private void forward(ForwardExtension f, String p) {
            specificCallerId(p, f.getCallerId(), f.getCallerIdNumber(), false);
        }

        private void specificCallerId(String p, ForwardCallerId choice, String number, boolean companyOnly) {
            if (choice == ForwardCallerId.USER_CALLER_ID) {
                add(p + ".callerId", "must be ORIGINAL_CALLER, CALLED_NUMBER or SPECIFIC_NUMBER");
            }
            if (choice == ForwardCallerId.SPECIFIC_NUMBER) {
                if (number == null) {
                    add(p + ".callerIdNumber", "is required when callerId is SPECIFIC_NUMBER");
                } else if (companyOnly) {
                    PhoneNumber n = numbers.get(number);
                    if (n == null || !n.isCompanyNumber()) {
                        add(p + ".callerIdNumber", number + " must be a company number of this tenant");
                    }
                } else {
                    accountNumber(p + ".callerIdNumber", number);
                }
            } else if (number != null) {
                add(p + ".callerIdNumber", "is only used when callerId is SPECIFIC_NUMBER");
            }
        }

        /** Active AI extensions may not exceed the MKB Pro + Compleet licences (AI-03). */
        private void aiFairUse() {
            long ai = tenant.getAiExtensions().size();
            long licences = tenant.getUsers().stream().filter(u -> u.getLicence() != Licence.START).count();
            if (ai > licences) {
                add("aiExtensions", ai + " AI extensions exceed the " + licences
                        + " Pro and Compleet licences of this account (fair use, AI-03)");
            }
        }

        // ---- number plans -----------------------------------------------------------------

        private void numberPlans() {
            List<NumberPlanSchema> schemas = tenant.getNumberPlanSchemas();
            noDuplicates("numberPlanSchemas", schemas, s -> String.valueOf(s.getNumber()));
            if (schemas.stream().noneMatch(s -> Integer.valueOf(1).equals(s.getNumber()))) {
                add("numberPlanSchemas", "the main schema (number 1) is required and cannot be deleted");
            }
            Map<String, Integer> schemaOfNumber = new HashMap<>();
            for (int i = 0; i < schemas.size(); i++) {
                NumberPlanSchema s = schemas.get(i);
                String p = "numberPlanSchemas[" + i + "]";
                if (s.getPlans().size() > MAX_PLANS) {
                    add(p + ".plans", "has " + s.getPlans().size() + " plans; a schema has at most " + MAX_PLANS);
                }
                noDuplicates(p + ".plans", s.getPlans(), pl -> String.valueOf(pl.getNumber()));
                for (int j = 0; j < s.getPlans().size(); j++) {
                    plan(s, s.getPlans().get(j), p + ".plans[" + j + "]", schemaOfNumber);
                }
                if (s.getManualOverride() != null && s.plan(s.getManualOverride()).isEmpty()) {
                    add(p + ".manualOverride", "schema " + s.getNumber() + " has no plan " + s.getManualOverride());
                }
                for (int j = 0; j < s.getSchedule().size(); j++) {
                    ScheduleEntry e = s.getSchedule().get(j);
                    String ep = p + ".schedule[" + j + "]";
                    window(ep, e);
                    if (e.getPlan() != null && s.plan(e.getPlan()).isEmpty()) {
                        add(ep + ".plan", "schema " + s.getNumber() + " has no plan " + e.getPlan());
                    }
                }
                for (int j = 0; j < s.getHolidays().size(); j++) {
                    Holiday h = s.getHolidays().get(j);
                    String hp = p + ".holidays[" + j + "]";
                    if (h.getStart() != null && h.getEnd() != null && !h.getStart().isBefore(h.getEnd())) {
                        add(hp + ".end", "must be after the start " + h.getStart());
                    }
                    if (h.getPlan() != null && s.plan(h.getPlan()).isEmpty()) {
                        add(hp + ".plan", "schema " + s.getNumber() + " has no plan " + h.getPlan());
                    }
                }
            }
        }

        private void plan(NumberPlanSchema s, NumberPlan plan, String p, Map<String, Integer> schemaOfNumber) {
            noDuplicates(p + ".entries", plan.getEntries(), NumberPlanEntry::getNumber);
            for (int k = 0; k < plan.getEntries().size(); k++) {
                NumberPlanEntry e = plan.getEntries().get(k);
                String ep = p + ".entries[" + k + "]";
                if (e.getExtension() != null && !extensions.containsKey(e.getExtension())) {
                    add(ep + ".extension", "there is no extension " + e.getExtension());
                }
                if (e.getNumber() == null) {
                    continue;
                }
                PhoneNumber n = numbers.get(e.getNumber());
                if (n == null) {
                    add(ep + ".number", e.getNumber() + " is not a number of this tenant");
                } else if (!n.isCompanyNumber()) {
                    add(ep + ".number", e.getNumber() + " is a personal number of user " + n.getOwner()
                            + " and cannot be used in a number plan");
                } else if (!n.isActive()) {
                    add(ep + ".number", e.getNumber() + " is not active (ACTIEF) yet");
                }
                Integer other = schemaOfNumber.putIfAbsent(e.getNumber(), s.getNumber());
                if (other != null && !other.equals(s.getNumber())) {
                    add(ep + ".number", e.getNumber() + " already belongs to schema " + other
                            + "; a number belongs to one schema only");
                }
            }
        }

        // ---- shared checks ----------------------------------------------------------------

        private void window(String p, WeeklyWindow w) {
            if (w == null || w.getFrom() == null || w.getTo() == null) {
                return;
            }
            if (w.isPeriod()) {
                if (w.getFromDay() == null || w.getToDay() == null) {
                    add(p, "a per-period entry needs both fromDay and toDay");
                } else if (!w.getDays().isEmpty()) {
                    add(p + ".days", "give either days (per day) or fromDay/toDay (per period), not both");
                } else if (w.getFromDay() == w.getToDay() && w.getFrom().equals(w.getTo())) {
                    add(p + ".to", "the period must not start and end at the same moment");
                }
            } else {
                if (w.getDays().isEmpty()) {
                    add(p + ".days", "a per-day entry needs at least one day (or use fromDay/toDay for a period)");
                }
                noDuplicates(p + ".days", w.getDays(), String::valueOf);
                // An end before the start runs past midnight (WeeklyWindow); an equal end is no window.
                if (w.getFrom().equals(w.getTo())) {
                    add(p + ".to", "must differ from the start time " + w.getFrom()
                            + " (an end before the start runs past midnight)");
                }
            }
        }

        private void users(String p, List<String> members) {
            noDuplicates(p, members, Function.identity());
            for (int i = 0; i < members.size(); i++) {
                String m = members.get(i);
                if (m != null && !(extensions.get(m) instanceof UserExtension)) {
                    add(p + "[" + i + "]", "'" + m + "' is not a user extension of this tenant");
                }
            }
        }

        private void accountNumber(String p, String number) {
            if (number != null && !numbers.containsKey(number)) {
                add(p, number + " is not a number of this tenant");
            }
        }

        /** A new secret must satisfy its policy; an exported hash is taken as it is. */
        private void secret(String p, String field, String plain, String hash) {
            if (plain == null && hash == null) {
                add(p + "." + field, "is required");
            } else if (plain != null && field.equals("pin")) {
                PinPolicy.check(plain).ifPresent(m -> add(p + ".pin", m));
            }
        }

        private void destination(String p, String value, Allow allow) {
            if (value == null || value.isBlank()) {
                return;
            }
            if (value.equals("voicemail")) {
                if (!allow.voicemail) {
                    add(p, "'voicemail' (the user's own mailbox) is not allowed here");
                }
            } else if (value.equals("busy")) {
                if (!allow.busy) {
                    add(p, "'busy' is not allowed here");
                }
            } else if (value.matches(EXTERNAL_NUMBER) && !extensions.containsKey(value)) {
                if (!allow.external) {
                    add(p, "'" + value + "' is an external number; only extensions are allowed here");
                }
            } else if (extensions.containsKey(value)) {
                Extension e = extensions.get(value);
                if (allow.extensionTypes.isEmpty()) {
                    add(p, "'" + value + "' is an internal number; only external numbers are allowed here");
                } else if (!allow.extensionTypes.contains(e.getType())) {
                    add(p, "extension " + value + " is a " + e.getType() + " extension; allowed: " + allow.extensionTypes);
                }
            } else if (value.matches("\\d{3,5}")) {
                add(p, "there is no extension " + value);
            } else {
                add(p, "'" + value + "' is neither an extension of this tenant nor an external number");
            }
        }

        private void bothOrNeither(String p, String a, Object va, String b, Object vb) {
            if (va != null && vb == null) {
                add(p + "." + b, "is required when " + a + " is set");
            } else if (va == null && vb != null) {
                add(p + "." + a, "is required when " + b + " is set");
            }
        }

        private <T> void noDuplicates(String p, Collection<T> items, Function<T, String> key) {
            Set<String> seen = new HashSet<>();
            int i = 0;
            for (T item : items) {
                String k = item == null ? null : key.apply(item);
                if (k != null && !seen.add(k)) {
                    add(p + "[" + i + "]", "'" + k + "' appears more than once");
                }
                i++;
            }
        }

        private <T extends Extension> void each(Class<T> type, java.util.function.BiConsumer<T, String> check) {
            List<T> list = tenant.ofType(type);
            for (int i = 0; i < list.size(); i++) {
                if (list.isEmpty()) {
                    return;
                }
                check.accept(list.get(i), listName(list.get(i).getType()) + "[" + i + "]");
            }
        }

        private void add(String path, String message) {
            out.add(new Violation(path, message));
        }
    }

    /** What a destination field accepts. */
    private record Allow(boolean voicemail, boolean busy, boolean external, Set<ExtensionType> extensionTypes) {
        static Allow anything() {
            return new Allow(true, false, true, ANY_TYPE);
        }

        static Allow voicemailOrExtension() {
            return new Allow(true, false, false, ANY_TYPE);
        }

        static Allow extensionOrExternal() {
            return new Allow(false, false, true, ANY_TYPE);
        }

        static Allow extensionOrExternalOrBusy() {
            return new Allow(false, true, true, ANY_TYPE);
        }

        static Allow externalOnly() {
            return new Allow(false, false, true, EnumSet.noneOf(ExtensionType.class));
        }

        static Allow extensionsOf(Set<ExtensionType> types) {
            return new Allow(false, false, false, types);
        }
    }
}
