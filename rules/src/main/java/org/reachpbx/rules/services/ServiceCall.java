package org.reachpbx.rules.services;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reachpbx.rules.services.ServiceDecision.Notification;
import org.reachpbx.rules.services.ServiceDecision.TemporaryHoliday;
import org.reachpbx.rules.services.ServiceRequest.RingingCall;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.DeviceSelectionView;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.view.ProfileView;
import org.reachpbx.rules.view.SchemaView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.DeviceType;

/**
 * The fact of one service request: the request with the candidates worked out from the
 * configuration and the live state (who may pick up which call, the lowest free park line, the
 * next schedule change, …). The rules choose among them in the manual's order. Every accessor is
 * a JavaBean getter, computed once.
 */
public final class ServiceCall {
    /** GEN-04 interpretation: the transfer-return timeout, a system parameter (default 20 s). */
    public static final int TRANSFER_RETURN_SECONDS = 20;
    public static final int PARK_LINES = 99;

    private final ServiceRequest request;
    private final ServiceView services;
    private final org.reachpbx.rules.view.TenantView view;
    private final LocalDateTime now;
    private final UserView requester;
    private final SchemaView chosenSchema;
    private final boolean schemaInvalid;
    private final TemporaryHoliday temporaryEntry;
    private final List<RingingCall> pickupCandidates = new ArrayList<>();
    private final List<RingingCall> pickable = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();
    private final Integer freeLine;
    private final Integer retrieveLine;
    private final List<String> otherFixedChannels = new ArrayList<>();
    /** Those of {@link #otherFixedChannels} the user is linked to (USR-10): a move cannot take them. */
    private final List<String> linkedOtherChannels = new ArrayList<>();
    private final String linkedUser;
    private final boolean busy;
    private final String busyReason;
    private final String activeCallDevice;
    private final String dtmfAction;
    private final String dtmfDestination;
    private final ExtensionView destinationExtension;
    private final boolean destinationExternal;
    private final List<String> managerDevices = new ArrayList<>();
    private final List<String> remainingAssistants = new ArrayList<>();

    public ServiceCall(ServiceRequest request, org.reachpbx.rules.view.TenantView view, ServiceView services,
                       LocalDateTime now) {
        this.request = request;
        this.services = services;
        this.view = view;
        this.now = now;
        this.requester = view.user(request.user());

        // 915 (NP-18): the schema is asked only when the tenant has more than one.
        SchemaView schema = null;
        if (request.schema() != null) {
            schema = view.schemas().get(request.schema());
        } else if (view.schemas().size() == 1) {
            schema = view.schemas().values().iterator().next();
        }
        this.chosenSchema = schema;
        this.schemaInvalid = request.schema() != null && schema == null
                || request.schema() == null && view.schemas().isEmpty();
        this.temporaryEntry = request.kind() == ServiceKind.PLAN_MENU && schema != null && isPlanValid()
                && Integer.valueOf(1).equals(request.option())
                ? PlanChanges.temporaryEntry(schema, now, request.plan(), view.zone()) : null;

        // Pickup (GEN-02, PRV-03, GRP-08).
        String pickupTarget = getPickupTarget();
        for (RingingCall c : request.ringing()) {
            if (c.callee().equals(request.user())) {
                continue; // one's own ringing call is answered, not picked up
            }
            if (pickupTarget == null || pickupTarget.equals(c.callee()) || pickupTarget.equals(c.group())) {
                pickupCandidates.add(c);
                if (mayPickUp(c)) {
                    pickable.add(c);
                }
            }
        }
        pickable.sort(Comparator.comparing(RingingCall::since));

        // Notifications (PRV-05, GRP-08) of the first ringing call.
        if (request.kind() == ServiceKind.NOTIFY && !request.ringing().isEmpty()) {
            notifications.addAll(notificationsFor(view, request.ringing().get(0)));
        }

        // Park (PARK-02): the lowest free line 1–99.
        Integer line = null;
        for (int i = 1; i <= PARK_LINES; i++) {
            if (!request.parked().containsKey(i)) {
                line = i;
                break;
            }
        }
        this.freeLine = line;
        this.retrieveLine = parseLine(request.dialled());

        // Login (USR-04, USR-07, USR-10).
        for (String ch : request.loggedInChannels()) {
            if (!ch.equals(request.channel())) {
                otherFixedChannels.add(ch);
            }
        }
        // A channel linked to the user counts as a device the user is logged in on (USR-10).
        services.linkedChannels().forEach((ch, linkedTo) -> {
            if (linkedTo.equals(request.user()) && !ch.equals(request.channel())) {
                linkedOtherChannels.add(ch);
                if (!otherFixedChannels.contains(ch)) {
                    otherFixedChannels.add(ch);
                }
            }
        });
        linkedOtherChannels.sort(null);
        ChannelView channel = view.channel(request.channel());
        String linked = request.channel() == null ? null : services.linkedChannels().get(request.channel());
        this.linkedUser = linked != null ? linked : channel == null ? null : channel.coupledUser();

        // Busy (USR-11, CH-04).
        String reason = null;
        boolean b = false;
        String active = null;
        if (requester != null) {
            int total = 0;
            boolean allAtLimit = true;
            int reachable = 0;
            for (DeviceView d : requester.devices()) {
                int calls = request.liveCalls().getOrDefault(d.name(), 0);
                total += calls;
                if (calls > 0 && !d.name().equals(request.device()) && active == null) {
                    active = d.name();
                }
                if (request.unreachable().contains(d.name())) {
                    continue;
                }
                reachable++;
                if (calls < limitOf(view, d)) {
                    allAtLimit = false;
                }
            }
            if (!requester.secondCallOffering()) {
                b = total > 0;
                reason = total + " active call(s), second call offering off";
            } else {
                b = reachable > 0 && allAtLimit;
                reason = b ? "every reachable device is at its call limit" : "a reachable device is below its call limit";
            }
        }
        this.busy = b;
        this.busyReason = reason;
        this.activeCallDevice = active;

        // DTMF (GEN-06, GEN-07).
        String[] dtmf = parseDtmf(request.digits(), request.held(), request.consulting());
        this.dtmfAction = dtmf[0];
        this.dtmfDestination = dtmf[1];

        // Transfers (GEN-03..05) and 910 (SYSNUM-02).
        this.destinationExtension = view.extension(request.destination());
        this.destinationExternal = destinationExtension == null && request.destination() != null
                && request.destination().matches("0[1-9][0-9]{8}|00[1-9][0-9]{6,14}");

        // Assistants (ASG-05, ASG-06).
        if (requester != null) {
            ProfileView p = requester.reach() == null ? null : requester.reach().defaultProfile();
            if (p != null && p.devices() != null && !p.devices().isEmpty()) {
                for (DeviceSelectionView s : p.devices()) {
                    if (s.enabled() && !request.unreachable().contains(s.device())) {
                        managerDevices.add(s.device());
                    }
                }
            } else {
                for (DeviceView d : requester.devices()) {
                    if (!request.unreachable().contains(d.name())) {
                        managerDevices.add(d.name());
                    }
                }
            }
            for (String a : requester.assistants()) {
                if (!request.rejected().contains(a) && !request.busyAssistants().contains(a)) {
                    remainingAssistants.add(a);
                }
            }
        }
    }

    private static int limitOf(org.reachpbx.rules.view.TenantView view, DeviceView d) {
        if (d.type() == DeviceType.FIXED) {
            ChannelView c = view.channel(d.channel());
            return c == null ? 1 : Math.max(1, c.callLimit());
        }
        return 1;
    }

    /** PRV-03 for a user's call; GRP-08 for a group call: members always, outsiders by the switch or an added privacy group. */
    private boolean mayPickUp(RingingCall c) {
        if (c.group() != null) {
            GroupPrivacyView g = services.groups().get(c.group());
            if (g == null) {
                return false;
            }
            String u = request.user();
            return u != null && (g.members().contains(u) || g.outsidersMayPickup() || g.addedUsers().contains(u));
        }
        return services.may(request.user(), c.callee(), RightView::pickup);
    }

    private List<Notification> notificationsFor(org.reachpbx.rules.view.TenantView view, RingingCall c) {
        List<Notification> out = new ArrayList<>();
        if (c.group() != null) {
            GroupPrivacyView g = services.groups().get(c.group());
            if (g == null) {
                return out;
            }
            Set<String> users = new LinkedHashSet<>();
            if (g.outsidersSeeNotifications()) {
                for (ExtensionView e : view.extensions().values()) {
                    if (e instanceof UserView) {
                        users.add(e.number());
                    }
                }
            }
            users.addAll(g.addedUsers());
            users.removeAll(g.members()); // members ring; they are not notified
            users.stream().sorted().forEach(u -> out.add(new Notification(u, 0)));
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        services.rights().stream()
                .filter(r -> r.target().equals(c.callee()) && r.notifications() && !r.member().equals(c.callee()))
                .sorted(Comparator.comparing(RightView::member).thenComparingInt(RightView::notificationDelay))
                .forEach(r -> {
                    if (seen.add(r.member())) {
                        out.add(new Notification(r.member(), r.notificationDelay()));
                    }
                });
        return out;
    }

    /** PARK-03: 930 + the 1- or 2-digit line, taken whole, no leading zeros, 1–99; otherwise null. */
    static Integer parseLine(String dialled) {
        if (dialled == null || !dialled.startsWith("930")) {
            return null;
        }
        String rest = dialled.substring(3);
        if (!rest.matches("[1-9][0-9]?")) {
            return null;
        }
        return Integer.parseInt(rest);
    }

    static String[] parseDtmf(String digits, boolean held, boolean consulting) {
        if (digits == null) {
            return new String[] {"PASS_THROUGH", null};
        }
        if (consulting) {
            switch (digits) {
                case "1": return new String[] {"END_CONSULTATION_KEEP_HOLD", null};
                case "2": return new String[] {"SWITCH_CALLS", null};
                case "3": return new String[] {"CONFERENCE", null};
                case "*#": return new String[] {"END_CONSULTATION_RETURN", null};
                default: break;
            }
        }
        if (digits.equals("##")) {
            return new String[] {"HOLD", null};
        }
        if (digits.equals("*#") && held) {
            return new String[] {"RETRIEVE_HELD", null};
        }
        if (digits.matches("##\\*[0-9]+#")) {
            return new String[] {"BLIND_TRANSFER", digits.substring(3, digits.length() - 1)};
        }
        if (digits.matches("##[0-9]+#")) {
            return new String[] {"CONSULT", digits.substring(2, digits.length() - 1)};
        }
        return new String[] {"PASS_THROUGH", null};
    }

    // ---- common
    public ServiceKind getKind() { return request.kind(); }
    public ServiceRequest getRequest() { return request; }
    public String getUser() { return request.user(); }
    public LocalDateTime getNow() { return now; }
    public boolean isKnownUser() { return requester != null; }
    public UserView getRequester() { return requester; }
    public Integer getOption() { return request.option(); }

    // ---- 915
    public boolean isTimeConfigurationRight() {
        return requester != null && (requester.timeConfigurationRight()
                || services.timeConfigurationRight().contains(requester.number()));
    }
    public boolean isSchemaNeeded() { return request.schema() == null && chosenSchema == null && !schemaInvalid; }
    public boolean isSchemaInvalid() { return schemaInvalid; }
    public SchemaView getChosenSchema() { return chosenSchema; }
    public boolean isOptionValid() { return request.option() != null && request.option() >= 1 && request.option() <= 3; }
    public boolean isPlanNeeded() { return isOptionValid() && request.option() != 3 && request.plan() == null; }
    public boolean isPlanValid() {
        Integer p = request.plan();
        return p != null && p >= 1 && p <= 99 && chosenSchema != null && chosenSchema.plans().containsKey(p);
    }
    public Integer getPlan() { return request.plan(); }
    public TemporaryHoliday getTemporaryEntry() { return temporaryEntry; }
    public List<Integer> getTemporaryEntries() {
        return chosenSchema == null ? List.of() : PlanChanges.temporaryEntries(chosenSchema);
    }

    // ---- pickup
    public String getPickupTarget() {
        String d = request.dialled();
        if (d == null) {
            return null;
        }
        String rest = d.startsWith("*8") ? d.substring(2) : d.startsWith("908") ? d.substring(3) : d;
        return rest.isEmpty() ? null : rest;
    }
    public boolean isAnyRinging() { return !pickupCandidates.isEmpty(); }
    public boolean isAnyPickable() { return !pickable.isEmpty(); }
    public RingingCall getLongestRinging() { return pickable.isEmpty() ? null : pickable.get(0); }
    public int getPickableCount() { return pickable.size(); }

    // ---- notifications
    public List<Notification> getNotifications() { return notifications; }
    public boolean isGroupCall() { return !request.ringing().isEmpty() && request.ringing().get(0).group() != null; }

    // ---- park
    public boolean isParkRight() { return request.user() != null && services.parkRight().contains(request.user()); }
    public Integer getFreeLine() { return freeLine; }
    public Integer getRetrieveLine() { return retrieveLine; }
    public boolean isLineParked() { return retrieveLine != null && request.parked().containsKey(retrieveLine); }
    public String getParker() { return retrieveLine == null ? null : request.parked().get(retrieveLine); }
    public boolean isOwnPark() { return request.user() != null && request.user().equals(getParker()); }
    public boolean isRetrieveRight() { return services.may(request.user(), getParker(), RightView::retrieveParked); }
    /** PRV-07: the privacy groups that grant the user the retrieve-parked right on the parker (rights add up). */
    public List<String> getRetrieveGrantedBy() { return grantedBy(getParker(), RightView::retrieveParked); }

    private List<String> grantedBy(String target, java.util.function.Predicate<RightView> flag) {
        List<String> out = new ArrayList<>();
        for (RightView r : services.rights()) {
            if (r.member().equals(request.user()) && r.target().equals(target) && flag.test(r)
                    && !out.contains(r.privacyGroup())) {
                out.add(r.privacyGroup());
            }
        }
        return out;
    }

    // ---- presence (PRV-04)
    public String getPresenceTarget() { return request.destination(); }
    public boolean isPresenceFacility() { return services.presenceFacility(); }
    public boolean isPresenceRight() { return services.may(request.user(), request.destination(), RightView::presence); }
    public List<String> getPresenceGrantedBy() { return grantedBy(request.destination(), RightView::presence); }

    // ---- listen-in
    public String getListenTarget() {
        if (request.destination() != null) {
            return request.destination();
        }
        String d = request.dialled();
        return d != null && d.startsWith("906") && d.length() > 3 ? d.substring(3) : null;
    }
    public boolean isListenTargetUser() { return getListenTarget() != null && view.user(getListenTarget()) != null; }
    public boolean isListenInRight() { return services.may(request.user(), getListenTarget(), RightView::listenIn); }

    // ---- login / logout
    public boolean isManagedMobile() { return request.managedMobile(); }
    public boolean isChannelLinked() { return linkedUser != null; }
    public String getLinkedUser() { return linkedUser; }
    public boolean isLinkedToRequester() { return linkedUser != null && linkedUser.equals(request.user()); }
    public boolean isTwinning() { return services.twins(request.user()); }
    public List<String> getOtherFixedChannels() { return otherFixedChannels; }
    public boolean isMoveOffered() { return otherFixedChannels.size() >= (isTwinning() ? 2 : 1); }
    public List<String> getLinkedOtherChannels() { return linkedOtherChannels; }
    /** The other fixed devices a move logs the user out of: all but the linked ones. */
    public List<String> getMovableOtherChannels() {
        return otherFixedChannels.stream().filter(c -> !linkedOtherChannels.contains(c)).toList();
    }
    /** The linked devices alone fill the user's fixed devices, so no move can make room. */
    public boolean isMoveBlockedByLinks() { return linkedOtherChannels.size() >= (isTwinning() ? 2 : 1); }
    public boolean isAccepted() { return request.accept(); }
    public boolean isDefaultPin() { return request.defaultPin(); }
    /** USR-02 after 901 with PIN 0000: the new PIN keyed (in {@code digits}), or null when not yet keyed. */
    public String getNewPin() { return request.kind() == ServiceKind.LOGIN ? request.digits() : null; }
    /** Why the new PIN is refused (USR-02, A37), or null when it is acceptable. */
    public String getNewPinProblem() { return pinProblem(getNewPin()); }

    static String pinProblem(String pin) {
        if (pin == null || !pin.matches("\\d{4,8}")) {
            return "must be 4 to 8 digits";
        }
        if (pin.chars().distinct().count() == 1) {
            return "one repeated digit";
        }
        if (run(pin, 1) || run(pin, -1)) {
            return "a run of consecutive digits";
        }
        return null;
    }

    private static boolean run(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if (pin.charAt(i) - pin.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    // ---- listen-in modes (LSN-02, LSN-04)
    /** LSN-04: 1 listen (the start), 2 consultation (the agent hears the supervisor), 3 switch between the agent's calls. */
    public String getListenMode() {
        Integer o = request.option();
        if (o == null || o == 1) {
            return "LISTEN";
        }
        return o == 2 ? "CONSULTATION" : o == 3 ? "SWITCH_CALL" : "LISTEN";
    }
    /** LSN-02: the agent's calls up now (liveCalls of a LISTEN_IN request are the agent's). */
    public boolean isAgentInCall() {
        int n = 0;
        for (int c : request.liveCalls().values()) {
            n += c;
        }
        return n > 0;
    }
    public String getChannelUser() {
        String u = request.channelUser();
        return u != null && !u.equals(request.user()) ? u : null;
    }
    public boolean isSeveralDevices() { return request.loggedInChannels().size() > 1; }
    public boolean isFixedDevice() { return request.deviceType() == null || request.deviceType() == DeviceType.FIXED; }

    // ---- busy
    public boolean isBusy() { return busy; }
    public String getBusyReason() { return busyReason; }
    public boolean isSecondCallOffering() { return requester != null && requester.secondCallOffering(); }

    // ---- device switch
    public String getActiveCallDevice() { return activeCallDevice; }
    public String getDevice() { return request.device(); }
    public boolean isOwnDevice() { return requester != null && request.device() != null && requester.device(request.device()) != null; }

    // ---- DTMF
    public String getDtmfAction() { return dtmfAction; }
    public String getDtmfDestination() { return dtmfDestination; }

    // ---- transfers and 910
    public String getDestination() { return request.destination(); }
    public boolean isBlind() { return request.blind(); }
    public boolean isDestinationInternal() { return destinationExtension != null; }
    public boolean isDestinationExternal() { return destinationExternal; }
    public boolean isDestinationInvalid() { return destinationExtension == null && !destinationExternal; }
    public boolean isDestinationHasForwards() {
        if (destinationExtension instanceof UserView u) {
            ProfileView p = u.reach() == null ? null : u.reach().defaultProfile();
            return p != null && (p.forwardAlways() != null || p.forwardOnBusy() != null || p.forwardOnNoAnswer() != null);
        }
        return destinationExtension != null; // other extensions route on by their own configuration
    }
    public boolean isForwardCleared() { return request.destination() == null || request.destination().isEmpty(); }
    public boolean isForwardDestinationValid() {
        return "voicemail".equals(request.destination()) || destinationExtension != null || destinationExternal;
    }
    public String getForwardName() {
        Integer o = request.option();
        return o == null ? null : switch (o) {
            case 1 -> "forwardAlways";
            case 2 -> "forwardOnBusy";
            case 3 -> "forwardOnNoAnswer";
            default -> null;
        };
    }

    // ---- assistants
    public List<String> getManagerDevices() { return managerDevices; }
    public List<String> getAssistants() { return requester == null ? List.of() : requester.assistants(); }
    public List<String> getRemainingAssistants() { return remainingAssistants; }
    public boolean isAssistantsLeft() { return !remainingAssistants.isEmpty(); }
    public boolean isAllAssistantsBusy() {
        return requester != null && !requester.assistants().isEmpty()
                && request.busyAssistants().containsAll(requester.assistants());
    }
    public String getManagerNoAnswerForward() {
        ProfileView p = requester == null || requester.reach() == null ? null : requester.reach().defaultProfile();
        return p == null ? null : p.forwardOnNoAnswer();
    }
    public String getManagerBusyForward() {
        ProfileView p = requester == null || requester.reach() == null ? null : requester.reach().defaultProfile();
        return p == null ? null : p.forwardOnBusy();
    }
    public String getAssistantForward() { return isAllAssistantsBusy() ? getManagerBusyForward() : getManagerNoAnswerForward(); }
}
