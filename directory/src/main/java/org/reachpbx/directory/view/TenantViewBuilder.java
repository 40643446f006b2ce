package org.reachpbx.directory.view;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.reachpbx.directory.model.AiExtension;
import org.reachpbx.directory.model.AutoAnswerExtension;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.CallLimitExtension;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.Contact;
import org.reachpbx.directory.model.DeviceSelection;
import org.reachpbx.directory.model.DynamicCallerId;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.ExtensionChooserExtension;
import org.reachpbx.directory.model.ForwardExtension;
import org.reachpbx.directory.model.GroupExtension;
import org.reachpbx.directory.model.GroupForwards;
import org.reachpbx.directory.model.Holiday;
import org.reachpbx.directory.model.IvrExtension;
import org.reachpbx.directory.model.LbrEntry;
import org.reachpbx.directory.model.LbrExtension;
import org.reachpbx.directory.model.ManualDeviceOverride;
import org.reachpbx.directory.model.ManualStatus;
import org.reachpbx.directory.model.MatrixCell;
import org.reachpbx.directory.model.NumberPlan;
import org.reachpbx.directory.model.NumberPlanEntry;
import org.reachpbx.directory.model.NumberPlanSchema;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.QueueExtension;
import org.reachpbx.directory.model.ReachConfig;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.ReachStatus;
import org.reachpbx.directory.model.SoundFile;
import org.reachpbx.directory.model.SystemExtension;
import org.reachpbx.directory.model.TbrExtension;
import org.reachpbx.directory.model.TbrPeriod;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserDevice;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.VoicemailExtension;
import org.reachpbx.rules.time.WeeklyWindow;
import org.reachpbx.rules.engine.Numbers;
import org.reachpbx.rules.view.CallClassView;
import org.reachpbx.rules.view.CallLimitView;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.DeviceSelectionView;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.ExtensionChooserView;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.view.ForwardView;
import org.reachpbx.rules.view.GroupForwardsView;
import org.reachpbx.rules.view.GroupView;
import org.reachpbx.rules.view.HolidayView;
import org.reachpbx.rules.view.IpRange;
import org.reachpbx.rules.view.IvrOptionView;
import org.reachpbx.rules.view.IvrView;
import org.reachpbx.rules.view.LbrEntryView;
import org.reachpbx.rules.view.LbrView;
import org.reachpbx.rules.view.MediaExtensionView;
import org.reachpbx.rules.view.NumberView;
import org.reachpbx.rules.view.PlanEntryView;
import org.reachpbx.rules.view.PlanView;
import org.reachpbx.rules.view.ProfileView;
import org.reachpbx.rules.view.ReachView;
import org.reachpbx.rules.view.ScheduleEntryView;
import org.reachpbx.rules.view.SchemaView;
import org.reachpbx.rules.view.StatusView;
import org.reachpbx.rules.view.TbrPeriodView;
import org.reachpbx.rules.view.TbrView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.LbrType;

/**
 * Maps a tenant's entities to the immutable {@link TenantView} the routing rules read. It is a pure
 * function of a fully loaded {@link Tenant}: no database access, no clock. Loaded from the store,
 * call it inside a (read-only) transaction so the lazy collections can be read.
 * <p>
 * The entities keep the account's own numbers in E.164 and destinations as the admin wrote them;
 * the rules match on the national form only (ACC-08), so every number is converted here, once,
 * rather than on every call. Nothing is resolved or defaulted on the rules' behalf: profiles keep
 * their {@code inherit} sets (REACH-04 is applied at call time), and an unset value stays null.
 */
public final class TenantViewBuilder {

    /** Destinations that are words, not numbers (docs/tenant-yaml.md §4). */
    private static final Set<String> WORDS = Set.of("voicemail", "busy");

    private final Tenant tenant;
    /** Extension numbers of the tenant: a destination that is one of them is kept as it is. */
    private final Set<String> extensionNumbers;
    /** Members of each privacy group, by group name: a manager's assistants (ASG-01). */
    private final Map<String, List<String>> privacyGroupMembers = new HashMap<>();

    private TenantViewBuilder(Tenant tenant) {
        this.tenant = tenant;
        this.extensionNumbers = tenant.getExtensions().stream().map(Extension::getNumber)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        tenant.getPrivacyGroups().forEach(g -> privacyGroupMembers.put(g.getName(), g.getMembers()));
    }

    /** The view of this tenant; its id is 0 when the tenant has not been stored. */
    public static TenantView build(Tenant tenant) {
        return new TenantViewBuilder(tenant).tenantView();
    }

    /**
     * The national form of a number (ACC-08): {@code +31…} and {@code 0031…} become {@code 0…},
     * any other {@code +…} becomes {@code 00…}; national digits stay as they are. Null or blank
     * gives null.
     */
    public static String national(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        // One place for ACC-08: the rules' own normalisation, which the call path uses too.
        return Numbers.national(number.trim());
    }

    /**
     * A destination as the rules read it: {@code voicemail}, {@code busy} and extension numbers of
     * this tenant unchanged, anything else is an external number in national form. An extension
     * wins over a number of the same digits, as in the validator. Empty means "off": null.
     */
    private String destination(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String d = value.trim();
        return WORDS.contains(d) || extensionNumbers.contains(d) ? d : national(d);
    }

    private TenantView tenantView() {
        Map<String, ExtensionView> extensions = new HashMap<>();
        for (Extension e : tenant.getExtensions()) {
            extensions.put(e.getNumber(), extension(e));
        }
        Map<String, ChannelView> channels = new HashMap<>();
        for (Channel c : tenant.getChannels()) {
            channels.put(c.getName(), new ChannelView(c.getName(), c.getAreaCode(), c.getCallLimit(),
                    national(c.getEmergencyFallbackCallerId()), c.getCoupledUser(), c.getAnchorMedia(), c.getLanguage(),
                    c.getDtmfMode()));
        }
        Map<String, String> userOfMobileNumber = new HashMap<>();
        for (UserExtension u : tenant.getUsers()) {
            for (UserDevice d : u.getDevices()) {
                String mobile = national(d.getMobileNumber());
                if (d.getType() == DeviceType.MOBILE && mobile != null) {
                    userOfMobileNumber.put(mobile, u.getNumber());
                }
            }
        }
        List<IpRange> allowlist = tenant.getIpAllowlist().stream().map(a -> IpRange.of(a.getFrom(), a.getTo())).toList();
        Map<Integer, SchemaView> schemas = new HashMap<>();
        tenant.getNumberPlanSchemas().forEach(s -> schemas.put(s.getNumber(), schema(s)));
        return new TenantView(tenant.getId() == null ? 0 : tenant.getId(), tenant.getName(),
                tenant.getExtensionLength() == null ? 0 : tenant.getExtensionLength(), ZoneId.of(tenant.getTimeZone()),
                national(tenant.getEmergencyFallbackCallerId()), tenant.getExternalCallLimit(),
                Set.copyOf(tenant.getCallBarring()), tenant.isIpListing(), allowlist, extensions, numbers(),
                schemas, channels, userOfMobileNumber, tenant.getAnchorMedia());
    }

    // ---------------------------------------------------------------- numbers and schemas

    /** The account's numbers, each with the schema whose plans route it (a number is in one schema, NP-07). */
    private Map<String, NumberView> numbers() {
        Map<String, Integer> schemaOf = new HashMap<>();
        for (NumberPlanSchema s : tenant.getNumberPlanSchemas()) {
            for (NumberPlan p : s.getPlans()) {
                p.getEntries().forEach(e -> schemaOf.put(national(e.getNumber()), s.getNumber()));
            }
        }
        Map<String, NumberView> numbers = new HashMap<>();
        for (PhoneNumber n : tenant.getNumbers()) {
            String number = national(n.getNumber());
            numbers.put(number, new NumberView(number, n.getKind(), n.getOwner(), n.getDefaultCallClass(),
                    n.getAnonymousCallClass(), schemaOf.get(number)));
        }
        return numbers;
    }

    private SchemaView schema(NumberPlanSchema s) {
        Map<Integer, PlanView> plans = new HashMap<>();
        for (NumberPlan p : s.getPlans()) {
            Map<String, PlanEntryView> entries = new HashMap<>();
            for (NumberPlanEntry e : p.getEntries()) {
                String number = national(e.getNumber());
                entries.put(number, new PlanEntryView(number, e.getExtension(), e.getPrefix()));
            }
            plans.put(p.getNumber(), new PlanView(p.getNumber(), p.getName(), entries));
        }
        List<ScheduleEntryView> schedule = new ArrayList<>();
        for (int i = 0; i < s.getSchedule().size(); i++) {
            schedule.add(new ScheduleEntryView(i, window(s.getSchedule().get(i)), s.getSchedule().get(i).getPlan()));
        }
        // The stored end is already exclusive (Holiday, NP-12): it is taken as it is.
        List<HolidayView> holidays = new ArrayList<>();
        for (int i = 0; i < s.getHolidays().size(); i++) {
            Holiday h = s.getHolidays().get(i);
            holidays.add(new HolidayView(i, h.getDescription(), h.getStart(), h.getEnd(), h.getPlan(), h.isTemporary()));
        }
        return new SchemaView(s.getNumber(), s.getName(), s.getManualOverride(), plans, schedule, holidays);
    }

    /** A schedule entry's or status's window in either of its two forms (NP-13, REACH-07). */
    private static WeeklyWindow window(org.reachpbx.directory.model.WeeklyWindow w) {
        return w.isPeriod() ? WeeklyWindow.period(w.getFromDay(), w.getFrom(), w.getToDay(), w.getTo())
                : WeeklyWindow.perDay(Set.copyOf(w.getDays()), w.getFrom(), w.getTo());
    }

    // ---------------------------------------------------------------- extensions

    private ExtensionView extension(Extension e) {
        return switch (e.getType()) {
            case USER -> user((UserExtension) e);
            case GROUP -> group((GroupExtension) e);
            case IVR -> ivr((IvrExtension) e);
            case EXTENSION_CHOOSER -> chooser((ExtensionChooserExtension) e);
            case LBR -> lbr((LbrExtension) e);
            case TBR -> tbr((TbrExtension) e);
            case CALL_LIMIT -> callLimit((CallLimitExtension) e);
            case FORWARD -> forward((ForwardExtension) e);
            case VOICEMAIL, AUTO_ANSWER, QUEUE, SYSTEM, AI -> new MediaExtensionView(e.getNumber(), e.getName(),
                    e.getType(), mediaSettings(e));
        };
    }

    private UserView user(UserExtension u) {
        List<DeviceView> devices = u.getDevices().stream().map(d -> new DeviceView(d.getName(), d.getType(),
                d.getChannel(), national(d.getMobileNumber()))).toList();
        // The manager's assistants are the members of the privacy group the user names (ASG-01).
        List<String> assistants = u.getAssistantGroup() == null ? List.of()
                : privacyGroupMembers.getOrDefault(u.getAssistantGroup(), List.of());
        return new UserView(u.getNumber(), u.getName(), u.getAreaCode(), u.isSecondCallOffering(),
                u.getRights() != null && u.getRights().isTimeConfiguration(), national(u.getEmergencyFallbackCallerId()),
                devices, assistants, reach(u.getReach() == null ? new ReachConfig() : u.getReach()), u.isCallParking());
    }

    private ReachView reach(ReachConfig r) {
        Map<String, ProfileView> profiles = new HashMap<>();
        r.getProfiles().forEach(p -> profiles.put(p.getName(), profile(p)));
        List<StatusView> statuses = r.getStatuses().stream().map(TenantViewBuilder::status).toList();
        List<CallClassView> classes = r.getCallClasses().stream().map(TenantViewBuilder::callClass).toList();
        Map<String, String> dynamicCallerIds = new HashMap<>();
        for (DynamicCallerId d : r.getDynamicCallerIds()) {
            dynamicCallerIds.put(d.getCode(), national(d.getCallerId()));
        }
        ManualStatus manual = r.getManualStatus();
        ManualDeviceOverride override = r.getManualDeviceOverride();
        return new ReachView(profile(r.getDefaultProfile()), profiles, statuses, classes, matrix(r.getMatrix()),
                dynamicCallerIds, Set.copyOf(r.getCallBarring()),
                manual == null ? null : blankToNull(manual.getStatus()), manual == null ? null : manual.getUntil(),
                blankToNull(r.getRoamingStatus()),
                override == null ? null : override.getDevices(), override == null ? null : override.getUntil());
    }

    /** Class → status → profile; a cell without a status (null or empty, REACH-07) has the status key "". */
    private static Map<String, Map<String, String>> matrix(List<MatrixCell> cells) {
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (MatrixCell c : cells) {
            rows.computeIfAbsent(emptyIfBlank(c.getCallClass()), k -> new HashMap<>())
                    .put(emptyIfBlank(c.getStatus()), c.getProfile());
        }
        Map<String, Map<String, String>> matrix = new HashMap<>();
        rows.forEach((callClass, row) -> matrix.put(callClass, Map.copyOf(row)));
        return matrix;
    }

    private ProfileView profile(ReachProfile p) {
        List<DeviceSelectionView> devices = p.getDevices().stream()
                .map((DeviceSelection d) -> new DeviceSelectionView(d.getDevice(), d.isEnabled(), d.getStep())).toList();
        return new ProfileView(p.getName(), Set.copyOf(p.getInherit()), national(p.getCallerId()),
                destination(p.getForwardAlways()), destination(p.getForwardOnBusy()),
                destination(p.getForwardOnNoAnswer()), p.getNoAnswerTimeout(), p.getForwardCallerId(),
                blankToNull(p.getVoicemailBox()), p.getRingStepTimeout(), devices, p.isAssistantGroup());
    }

    private static StatusView status(ReachStatus s) {
        return new StatusView(s.getName(), s.getPresence(), s.getTimes().stream().map(TenantViewBuilder::window).toList());
    }

    /** Contacts in national form; extensions and prefixes as configured (prefixes are national digits already). */
    private static CallClassView callClass(CallClass c) {
        Set<String> contacts = c.getContacts().stream().map(Contact::getNumber).map(TenantViewBuilder::national)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return new CallClassView(c.getName(), contacts, Set.copyOf(c.getExtensions()), c.getPrefixes(),
                national(c.getCallerId()), c.isAssistantGroupAllowed());
    }

    private GroupView group(GroupExtension g) {
        return new GroupView(g.getNumber(), g.getName(), g.getMembers(), g.isIndividualForwarding(),
                groupForwards(g.getInternalForwards()), groupForwards(g.getExternalForwards()), g.getForwardCallerId());
    }

    private GroupForwardsView groupForwards(GroupForwards f) {
        GroupForwards forwards = f == null ? new GroupForwards() : f;
        return new GroupForwardsView(destinations(forwards.getAlways()), destinations(forwards.getOnBusy()),
                destinations(forwards.getOnNoAnswer()), forwards.getNoAnswerTimeout());
    }

    /** A ';'-separated group forward: every item, rung in parallel (GRP-06); empty items are skipped. */
    private List<String> destinations(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(";")).map(this::destination).filter(Objects::nonNull).toList();
    }

    private IvrView ivr(IvrExtension i) {
        List<IvrOptionView> options = i.getOptions().stream()
                .map(o -> new IvrOptionView(o.getDigits(), o.getPrefix(), destination(o.getDestination()))).toList();
        return new IvrView(i.getNumber(), i.getName(), i.getSound(), i.isRingback(), i.getMaxDigits(),
                i.getFailoverTimeout(), destination(i.getFailoverDestination()), options);
    }

    private ExtensionChooserView chooser(ExtensionChooserExtension x) {
        return new ExtensionChooserView(x.getNumber(), x.getName(), x.getSound(), x.isRingback(),
                destination(x.getFallbackExtension()), x.getFallbackTimeout());
    }

    /**
     * LBR entries: the LBR stores match values as written. Caller and called numbers may be written
     * with {@code +} or {@code 0031}, so they are made national like the numbers they are compared
     * with (keeping a trailing wildcard); area and postal codes are not numbers and stay as they are.
     */
    private LbrView lbr(LbrExtension l) {
        boolean numbers = l.getLbrType() == LbrType.CALLER_NUMBER || l.getLbrType() == LbrType.CALLED_NUMBER;
        List<LbrEntryView> entries = new ArrayList<>();
        for (LbrEntry e : l.getEntries()) {
            String match = numbers ? nationalPattern(e.getMatch()) : e.getMatch();
            entries.add(new LbrEntryView(match, e.getPrefix(), destination(e.getDestination())));
        }
        return new LbrView(l.getNumber(), l.getName(), l.getLbrType(), l.getSound(),
                destination(l.getDefaultDestination()), l.getDefaultPrefix(), destination(l.getAnonymousDestination()),
                l.getAnonymousPrefix(), destination(l.getMobileDestination()), entries);
    }

    /** A number, or a number pattern with a trailing % or * wildcard, in national form. */
    private static String nationalPattern(String match) {
        if (match.endsWith("%") || match.endsWith("*")) {
            String fixed = match.substring(0, match.length() - 1);
            return (fixed.isEmpty() ? "" : national(fixed)) + match.charAt(match.length() - 1);
        }
        return national(match);
    }

    /** Each period is a daily window on every day of its day range (TBR-03); no days = every day. */
    private TbrView tbr(TbrExtension t) {
        List<TbrPeriodView> periods = new ArrayList<>();
        for (int i = 0; i < t.getPeriods().size(); i++) {
            TbrPeriod p = t.getPeriods().get(i);
            boolean everyDay = p.getFromDay() == null || p.getToDay() == null;
            WeeklyWindow window = WeeklyWindow.dailyOnDays(everyDay ? DayOfWeek.MONDAY : p.getFromDay(),
                    everyDay ? DayOfWeek.SUNDAY : p.getToDay(), p.getFrom(), p.getTo());
            periods.add(new TbrPeriodView(i, window, destination(p.getDestination())));
        }
        return new TbrView(t.getNumber(), t.getName(), destination(t.getDefaultDestination()), periods);
    }

    private CallLimitView callLimit(CallLimitExtension c) {
        return new CallLimitView(c.getNumber(), c.getName(), c.getCallLimit(), c.getCallerId(),
                national(c.getCallerIdNumber()), destination(c.getWithinLimitDestination()),
                destination(c.getAboveLimitDestination()));
    }

    /** A forward extension always dials an external number (FWD-01), even when it looks like an extension. */
    private static ForwardView forward(ForwardExtension f) {
        return new ForwardView(f.getNumber(), f.getName(), national(f.getDestination()), f.getCallerId(),
                national(f.getCallerIdNumber()));
    }

    // ---------------------------------------------------------------- media extensions

    /**
     * What the media executor needs to run the extension, as strings keyed by the YAML field name.
     * Unset values are left out; lists are comma-joined; destinations are in view form. Secrets
     * (PIN hashes) are never part of the view.
     */
    private Map<String, String> mediaSettings(Extension e) {
        Map<String, String> s = new LinkedHashMap<>();
        if (e instanceof VoicemailExtension v) {
            put(s, "language", v.getLanguage());
            put(s, "greeting", v.getGreeting());
            if (v.getNotification() != null) {
                put(s, "email", v.getNotification().getEmail());
                put(s, "attachAudio", v.getNotification().isAttachAudio());
                put(s, "deleteAfterEmail", v.getNotification().isDeleteAfterEmail());
                put(s, "smsNumber", national(v.getNotification().getSmsNumber()));
            }
        } else if (e instanceof AutoAnswerExtension a) {
            put(s, "sound", a.getSound());
        } else if (e instanceof QueueExtension q) {
            queueSettings(q, s);
        } else if (e instanceof SystemExtension x) {
            put(s, "service", x.getService());
        } else if (e instanceof AiExtension ai) {
            put(s, "kind", ai.getKind());
            put(s, "serviceUri", ai.getServiceUri());
        }
        return s;
    }

    private void queueSettings(QueueExtension q, Map<String, String> s) {
        put(s, "startDate", q.getStartDate());
        put(s, "endDate", q.getEndDate());
        put(s, "emergency", q.isEmergency());
        put(s, "callLimit", q.getCallLimit());
        put(s, "callLimitDestination", destination(q.getCallLimitDestination()));
        put(s, "access", q.getAccess());
        put(s, "language", q.getLanguage());
        put(s, "strategy", q.getStrategy());
        put(s, "members", joined(q.getMembers()));
        put(s, "ringTimeout", q.getRingTimeout());
        put(s, "wrapUpTime", q.getWrapUpTime());
        put(s, "weight", q.getWeight());
        put(s, "positionAnnouncementInterval", q.getPositionAnnouncementInterval());
        put(s, "expectedWaitAnnouncementInterval", q.getExpectedWaitAnnouncementInterval());
        put(s, "intro", q.getIntro());
        put(s, "skipIntroWhenPossible", q.isSkipIntroWhenPossible());
        put(s, "joinTone", q.isJoinTone());
        put(s, "infotainment", joined(q.getInfotainment().stream().map(SoundFile::getFile).toList()));
        put(s, "musicOnHold", q.isMusicOnHold());
        put(s, "musicOnHoldPlaylist", joined(q.getMusicOnHoldPlaylist().stream().map(SoundFile::getFile).toList()));
        put(s, "secondCallToAgents", q.isSecondCallToAgents());
        put(s, "exitDestination", destination(q.getExitDestination()));
        put(s, "maxWaitTimeout", q.getMaxWaitTimeout());
        put(s, "maxWaitDestination", destination(q.getMaxWaitDestination()));
        put(s, "individualForwarding", q.isIndividualForwarding());
        put(s, "noAgentsDestination", destination(q.getNoAgentsDestination()));
    }

    private static void put(Map<String, String> settings, String key, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            settings.put(key, value.toString());
        }
    }

    private static String joined(Collection<String> items) {
        return String.join(",", items);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String emptyIfBlank(String s) {
        return s == null || s.isBlank() ? "" : s;
    }
}
