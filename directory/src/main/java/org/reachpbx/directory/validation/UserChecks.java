package org.reachpbx.directory.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.MatrixCell;
import org.reachpbx.directory.model.ReachConfig;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.ReachStatus;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserDevice;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.VoicemailExtension;
import org.reachpbx.directory.model.WeeklyWindow;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.ForwardCallerId;

/** User extensions and their REACH configuration (USR, REACH, ASG, EFB-06). */
final class UserChecks extends Checks {

    UserChecks(Tenant tenant, List<Violation> out) {
        super(tenant, out);
    }

    @Override
    void run() {
        each(UserExtension.class, this::user);
    }

    private void user(UserExtension u, String p) {
        secret(p, "pin", u.getPin(), u.getPinHash());
        if (u.isTwinning() && !tenant.getFacilities().isTwinning()) {
            add(p + ".twinning", "needsTwinning");
        }
        if (u.getRights().isCallRecording() && !tenant.getFacilities().isCallRecording()) {
            add(p + ".rights.callRecording", "needsCallRecording");
        }
        if (u.getAssistantGroup() != null && !privacyGroupNames.contains(u.getAssistantGroup())) {
            add(p + ".assistantGroup", "noPrivacyGroup", u.getAssistantGroup());
        }
        accountNumber(p + ".emergencyFallbackCallerId", u.getEmergencyFallbackCallerId());
        noDuplicates(p + ".devices", u.getDevices(), UserDevice::getName);
        for (int i = 0; i < u.getDevices().size(); i++) {
            UserDevice d = u.getDevices().get(i);
            if (d.getChannel() != null) {
                if (d.getType() != DeviceType.FIXED) {
                    add(p + ".devices[" + i + "].channel", "channelOnlyForFixed");
                } else if (!channelNames.contains(d.getChannel())) {
                    add(p + ".devices[" + i + "].channel", "noChannel", d.getChannel());
                }
            }
        }
        reach(u, p + ".reach");
    }

    private void reach(UserExtension u, String p) {
        ReachConfig r = u.getReach();
        if (r == null) {
            add(p, "required");
            return;
        }
        Set<String> devices = u.getDevices().stream().map(UserDevice::getName).collect(Collectors.toSet());
        ReachProfile def = r.getDefaultProfile();
        if (def != null) {
            if (!def.getInherit().isEmpty()) {
                add(p + ".defaultProfile.inherit", "defaultProfileInherits");
            }
            profile(u, def, p + ".defaultProfile", devices);
        }
        List<ReachProfile> all = new ArrayList<>(r.getProfiles());
        if (def != null) {
            all.add(0, def);
        }
        java.util.Set<String> profileNames = new java.util.HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            String name = all.get(i).getName();
            if (name != null && !profileNames.add(name)) {
                int custom = def != null ? i - 1 : i;
                add(p + (custom < 0 ? ".defaultProfile" : ".profiles[" + custom + "]") + ".name",
                        "profileNameTaken", name);
            }
        }
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
                    add(cp + ".extensions[" + j + "]", "noExtension", ext);
                }
            }
        }
        Set<String> profiles = all.stream().map(ReachProfile::getName).collect(Collectors.toSet());
        noDuplicates(p + ".matrix", r.getMatrix(), c -> c.getCallClass() + " × " + c.getStatus());
        for (int i = 0; i < r.getMatrix().size(); i++) {
            MatrixCell c = r.getMatrix().get(i);
            String cp = p + ".matrix[" + i + "]";
            if (c.getCallClass() != null && !classes.contains(c.getCallClass())) {
                add(cp + ".callClass", "noCallClass", c.getCallClass());
            }
            if (c.getStatus() != null && !statuses.contains(c.getStatus())) {
                add(cp + ".status", "noStatus", c.getStatus());
            }
            if (c.getProfile() != null && !profiles.contains(c.getProfile())) {
                add(cp + ".profile", "noProfile", c.getProfile());
            }
        }
        noDuplicates(p + ".dynamicCallerIds", r.getDynamicCallerIds(), d -> d.getCode());
        for (int i = 0; i < r.getDynamicCallerIds().size(); i++) {
            accountNumber(p + ".dynamicCallerIds[" + i + "].callerId", r.getDynamicCallerIds().get(i).getCallerId());
        }
        noDuplicates(p + ".callBarring", r.getCallBarring(), String::valueOf);
        if (r.getManualStatus() != null && r.getManualStatus().getStatus() != null
                && !statuses.contains(r.getManualStatus().getStatus())) {
            add(p + ".manualStatus.status", "noStatus", r.getManualStatus().getStatus());
        }
        if (r.getRoamingStatus() != null && !statuses.contains(r.getRoamingStatus())) {
            add(p + ".roamingStatus", "noStatus", r.getRoamingStatus());
        }
        if (r.getManualDeviceOverride() != null) {
            List<String> forced = r.getManualDeviceOverride().getDevices();
            for (int i = 0; i < forced.size(); i++) {
                if (forced.get(i) != null && !devices.contains(forced.get(i))) {
                    add(p + ".manualDeviceOverride.devices[" + i + "]", "noDeviceOfUser", u.getNumber(), forced.get(i));
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
            add(p + ".forwardCallerId", "profileForwardCallerId");
        }
        if (profile.getVoicemailBox() != null
                && !(extensions.get(profile.getVoicemailBox()) instanceof VoicemailExtension)) {
            add(p + ".voicemailBox", "notAVoicemailBox", profile.getVoicemailBox());
        }
        noDuplicates(p + ".devices", profile.getDevices(), d -> d.getDevice());
        for (int i = 0; i < profile.getDevices().size(); i++) {
            String d = profile.getDevices().get(i).getDevice();
            if (d != null && !devices.contains(d)) {
                add(p + ".devices[" + i + "].device", "noDeviceOfUser", u.getNumber(), d);
            }
        }
    }
}
