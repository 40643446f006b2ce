package org.reachpbx.rules.view;

import java.util.List;
import java.util.Set;
import org.reachpbx.rules.vocabulary.ForwardCallerId;
import org.reachpbx.rules.vocabulary.ProfileSetting;

/**
 * A REACH profile as configured (REACH-03): settings listed in {@code inherit} come from the
 * default profile at call time (REACH-04). Destinations are "voicemail" (the user's own box), an
 * extension number or a national number; null means that forward is off.
 */
public record ProfileView(String name, Set<ProfileSetting> inherit, String callerId, String forwardAlways,
                          String forwardOnBusy, String forwardOnNoAnswer, int noAnswerTimeout,
                          ForwardCallerId forwardCallerId, String voicemailBox, int ringStepTimeout,
                          List<DeviceSelectionView> devices, boolean assistantGroup) {
    public ProfileView {
        inherit = Set.copyOf(inherit);
        devices = List.copyOf(devices);
    }

    public boolean inherits(ProfileSetting setting) {
        return inherit.contains(setting);
    }

    /** This profile with every inherited setting replaced by the default profile's value. */
    public ProfileView resolvedAgainst(ProfileView def) {
        if (inherit.isEmpty() || def == this) {
            return this;
        }
        return new ProfileView(name, Set.of(),
                inherits(ProfileSetting.CALLER_ID) ? def.callerId : callerId,
                inherits(ProfileSetting.FORWARD_ALWAYS) ? def.forwardAlways : forwardAlways,
                inherits(ProfileSetting.FORWARD_ON_BUSY) ? def.forwardOnBusy : forwardOnBusy,
                inherits(ProfileSetting.FORWARD_ON_NO_ANSWER) ? def.forwardOnNoAnswer : forwardOnNoAnswer,
                inherits(ProfileSetting.FORWARD_ON_NO_ANSWER) ? def.noAnswerTimeout : noAnswerTimeout,
                inherits(ProfileSetting.FORWARD_CALLER_ID) ? def.forwardCallerId : forwardCallerId,
                inherits(ProfileSetting.VOICEMAIL_BOX) ? def.voicemailBox : voicemailBox,
                inherits(ProfileSetting.DEVICES) ? def.ringStepTimeout : ringStepTimeout,
                inherits(ProfileSetting.DEVICES) ? def.devices : devices,
                inherits(ProfileSetting.ASSISTANT_GROUP) ? def.assistantGroup : assistantGroup);
    }
}
