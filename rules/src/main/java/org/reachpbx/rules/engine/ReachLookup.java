package org.reachpbx.rules.engine;

import java.util.ArrayList;
import java.util.List;
import org.reachpbx.rules.view.CallClassView;
import org.reachpbx.rules.view.DeviceSelectionView;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.NumberView;
import org.reachpbx.rules.view.ProfileView;
import org.reachpbx.rules.view.ReachView;
import org.reachpbx.rules.view.StatusView;
import org.reachpbx.rules.view.UserView;

import org.kie.api.definition.type.ClassReactive;

/**
 * The REACH evaluation of one call to one user (REACH-01): the candidates for call class and
 * status, worked out from the call and the configuration; the rules choose among them by the
 * manual's precedence, then pick the profile and act on it.
 */
@ClassReactive
public final class ReachLookup {
    private final Hop hop;
    private final UserView user;
    private final Call call;
    private final String exactClass;
    private final String prefixClass;
    private final String anonymousClass;
    private final String numberDefaultClass;
    private final String manualStatus;
    private final String roamingStatus;
    private final String timeStatus;
    private final boolean manualDeviceOverride;

    private boolean classChosen;
    private String callClass;
    private boolean statusChosen;
    private String status;
    private ProfileView profile;
    private String profileSource;
    private boolean acted;
    private boolean inheritanceNoted;
    private boolean ringing;
    private boolean noAnswerDecided;
    private boolean busyDecided;

    public ReachLookup(Hop hop, UserView user, Call call, NumberView calledNumber) {
        this.hop = hop;
        this.user = user;
        this.call = call;
        ReachView reach = user.reach();
        String exact = null;
        String byPrefix = null;
        int longest = 0;
        String caller = call.getCallerNumber();
        String callerExt = call.getCallerExtension();
        for (CallClassView c : reach.callClasses()) {
            if (exact == null && ((caller != null && c.contactNumbers().contains(caller))
                    || (callerExt != null && c.extensions().contains(callerExt)))) {
                exact = c.name();
            }
            int len = c.longestPrefixOf(caller);
            if (len > longest) {
                longest = len;
                byPrefix = c.name();
            }
        }
        this.exactClass = exact;
        this.prefixClass = byPrefix;
        // REACH-06 uses the number the call came in on, when it is one of this user's own numbers.
        NumberView own = calledNumber != null && user.number().equals(calledNumber.owner()) ? calledNumber : null;
        this.anonymousClass = own == null ? null : own.anonymousCallClass();
        this.numberDefaultClass = own == null ? null : own.defaultCallClass();
        this.manualStatus = reach.manualStatus() != null
                && (reach.manualStatusUntil() == null || call.getNow().isBefore(reach.manualStatusUntil()))
                ? reach.manualStatus() : null;
        this.roamingStatus = call.isRoaming(user.number()) ? reach.roamingStatus() : null;
        String timed = null;
        for (StatusView s : reach.statuses()) {
            if (s.activeAt(call.getNow())) {
                timed = s.name();
                break;
            }
        }
        this.timeStatus = timed;
        this.manualDeviceOverride = reach.manualDeviceOverride() != null
                && (reach.manualDeviceOverrideUntil() == null || call.getNow().isBefore(reach.manualDeviceOverrideUntil()));
    }

    public Hop getHop() { return hop; }
    public UserView getUser() { return user; }
    public Call getCall() { return call; }
    public boolean isAnonymous() { return call.isAnonymous() && !call.isFromDevice(); }
    public String getExactClass() { return exactClass; }
    public String getPrefixClass() { return prefixClass; }
    public String getAnonymousClass() { return anonymousClass; }
    public String getNumberDefaultClass() { return numberDefaultClass; }
    public String getManualStatus() { return manualStatus; }
    public String getRoamingStatus() { return roamingStatus; }
    public String getTimeStatus() { return timeStatus; }
    public boolean isManualDeviceOverride() { return manualDeviceOverride; }

    public boolean isClassChosen() { return classChosen; }
    public String getCallClass() { return callClass; }
    public boolean isStatusChosen() { return statusChosen; }
    public String getStatus() { return status; }
    public ProfileView getProfile() { return profile; }
    public String getProfileSource() { return profileSource; }
    public boolean isActed() { return acted; }

    public void chooseClass(String name) {
        this.callClass = name;
        this.classChosen = true;
    }

    public void chooseStatus(String name) {
        this.status = name;
        this.statusChosen = true;
    }

    /** The matrix cell's profile name for the chosen class and status, or null for an empty cell. */
    public String getMatrixProfile() {
        if (callClass == null) {
            return null;
        }
        String name = user.reach().matrixProfile(callClass, status);
        boolean known = name != null && (user.reach().profiles().containsKey(name)
                || name.equals(user.reach().defaultProfile().name()));
        return known ? name : null;
    }

    public void chooseProfile(String name) {
        ProfileView def = user.reach().defaultProfile();
        ProfileView chosen = name == null || name.equals(def.name()) ? def : user.reach().profiles().get(name);
        this.profileSource = chosen.name();
        this.profile = chosen.resolvedAgainst(def);
    }

    public boolean isInheriting() {
        return profileSource != null && !user.reach().profiles().isEmpty()
                && user.reach().profiles().containsKey(profileSource)
                && !user.reach().profiles().get(profileSource).inherit().isEmpty();
    }

    public void markActed() {
        this.acted = true;
    }

    public void markRinging() {
        this.acted = true;
        this.ringing = true;
    }

    public void noteInheritance() { this.inheritanceNoted = true; }
    public boolean isInheritanceNoted() { return inheritanceNoted; }
    /** The profile is chosen and its inherited settings resolved: the rules may act on it. */
    public boolean isReady() { return profile != null && (!isInheriting() || inheritanceNoted); }
    public boolean isRinging() { return ringing; }
    public boolean isNoAnswerDecided() { return noAnswerDecided; }
    public boolean isBusyDecided() { return busyDecided; }
    public void markNoAnswerDecided() { this.noAnswerDecided = true; }
    public void markBusyDecided() { this.busyDecided = true; }
    public boolean isAnonymousClassApplies() { return isAnonymous() && anonymousClass != null; }
    public boolean isHasRingableDevices() { return !ringSteps().isEmpty(); }

    /**
     * Where a forward destination leads: "voicemail" is the profile's voicemail box when it names a
     * voicemail extension, else the user's personal mailbox (VM-07).
     */
    public String destinationOf(String destination) {
        if ("voicemail".equals(destination) && profile.voicemailBox() != null) {
            return profile.voicemailBox();
        }
        return destination;
    }

    public boolean isBusy() { return call.isBusy(user.number()); }
    public String getForwardAlways() { return profile == null ? null : profile.forwardAlways(); }
    public String getForwardOnBusy() { return profile == null ? null : profile.forwardOnBusy(); }
    public String getForwardOnNoAnswer() { return profile == null ? null : profile.forwardOnNoAnswer(); }

    /** ASG-02: the profile has the assistant group on and the call class allows it. */
    public boolean isAssistantsApply() {
        if (profile == null || !profile.assistantGroup() || user.assistants().isEmpty() || callClass == null) {
            return false;
        }
        CallClassView c = user.reach().callClass(callClass);
        return c != null && c.assistantGroupAllowed();
    }

    /** At least one assistant is not busy and has a device that can ring (ASG-03, ASG-06). */
    public boolean isAssistantAvailable() {
        for (String a : user.assistants()) {
            UserView assistant = viewUser(a);
            if (assistant != null && !call.isBusy(a)) {
                for (DeviceView d : assistant.devices()) {
                    if (call.isReachable(a, d.name())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every assistant is busy (ASG-06: then the manager's busy forward applies). */
    public boolean isAllAssistantsBusy() {
        for (String a : user.assistants()) {
            if (!call.isBusy(a)) {
                return false;
            }
        }
        return true;
    }

    private UserView viewUser(String number) {
        return call.getView().user(number);
    }

    /** The devices the profile (or the manual override) selects, by ring step, reachable only. */
    public List<List<DeviceView>> ringSteps() {
        List<List<DeviceView>> steps = new ArrayList<>();
        if (manualDeviceOverride) {
            List<DeviceView> step = new ArrayList<>();
            for (String name : user.reach().manualDeviceOverride()) {
                DeviceView d = user.device(name);
                if (d != null && call.isReachable(user.number(), name)) {
                    step.add(d);
                }
            }
            if (!step.isEmpty()) {
                steps.add(step);
            }
            return steps;
        }
        List<DeviceSelectionView> selection = profile.devices();
        if (selection.isEmpty()) {
            // No selection configured: every reachable device rings (REACH-22's empty profile).
            List<DeviceView> all = new ArrayList<>();
            for (DeviceView d : user.devices()) {
                if (call.isReachable(user.number(), d.name())) {
                    all.add(d);
                }
            }
            if (!all.isEmpty()) {
                steps.add(all);
            }
            return steps;
        }
        java.util.TreeMap<Integer, List<DeviceView>> byStep = new java.util.TreeMap<>();
        for (DeviceSelectionView s : selection) {
            DeviceView d = user.device(s.device());
            if (s.enabled() && d != null && call.isReachable(user.number(), d.name())) {
                byStep.computeIfAbsent(s.step(), k -> new ArrayList<>()).add(d);
            }
        }
        steps.addAll(byStep.values());
        return steps;
    }
}
