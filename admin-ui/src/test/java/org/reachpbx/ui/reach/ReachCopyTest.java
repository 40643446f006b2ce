package org.reachpbx.ui.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.DeviceSelection;
import org.reachpbx.directory.model.DynamicCallerId;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.ReachConfig;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.UserDevice;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.rules.vocabulary.NumberKind;

/** REACH-23..25: what copying replaces. */
class ReachCopyTest {

    final List<PhoneNumber> numbers = List.of(
            number("0201110000", NumberKind.FIXED, null),       // company number
            number("0201110001", NumberKind.FIXED, "201"),
            number("0651110201", NumberKind.MOBILE, "201"),
            number("0651110202", NumberKind.MOBILE, "202"),
            number("0201110002", NumberKind.FIXED, "202"),
            number("0201110003", NumberKind.FIXED, "203"));

    @Test
    void devicesOfATypeTheTargetHasAreCopiedToItsDevicesOfThatType() {
        UserExtension source = user("201", device("Bureau", DeviceType.FIXED), device("Mob", DeviceType.MOBILE),
                device("Desk", DeviceType.DESKTOP));
        source.getReach().getDefaultProfile().setDevices(List.of(sel("Bureau", true, 1), sel("Mob", true, 2),
                sel("Desk", false, 1)));
        UserExtension target = user("202", device("Toestel", DeviceType.FIXED), device("DESKTOP", DeviceType.DESKTOP));

        ReachCopy.Result r = ReachCopy.copy(source, target, numbers);

        assertThat(r.reach().getDefaultProfile().getDevices())
                .extracting(d -> d.getDevice() + ":" + d.isEnabled() + ":" + d.getStep())
                .containsExactly("Toestel:true:1", "DESKTOP:false:1");
        assertThat(r.notes()).anyMatch(n -> n.contains("MOBILE settings not copied"));
        // the source is not changed
        assertThat(source.getReach().getDefaultProfile().getDevices()).hasSize(3);
    }

    @Test
    void reassigningGivesTheTargetTheConfigurationWithItsOwnDevicesAndClearsTheSource() {
        UserExtension source = user("201", device("Bureau", DeviceType.FIXED), device("Desk", DeviceType.DESKTOP));
        ReachConfig reach = source.getReach();
        reach.getDefaultProfile().setDevices(List.of(sel("Bureau", true, 1), sel("Desk", true, 2)));
        reach.getDefaultProfile().setCallerId("0201110001");
        reach.getDefaultProfile().setForwardOnNoAnswer("203");
        ReachProfile avond = new ReachProfile();
        avond.setName("Avond");
        avond.setForwardAlways("voicemail");
        reach.setProfiles(List.of(avond));
        UserExtension target = user("202", device("Toestel", DeviceType.FIXED), device("DESKTOP", DeviceType.DESKTOP));

        PhoneNumber personal = number("0201110001", NumberKind.FIXED, "201");
        personal.setDefaultCallClass("Zakelijk");                             // a class 201 had
        CallClass zakelijk = new CallClass();
        zakelijk.setName("Zakelijk");
        reach.setCallClasses(List.of(zakelijk));

        ReachCopy.Reassigned r = ReachCopy.reassign(source, target, List.of(personal,
                number("0201110002", NumberKind.FIXED, "202")));

        ReachConfig moved = target.getReach();
        assertThat(moved.getProfiles()).extracting(ReachProfile::getName).containsExactly("Avond");
        assertThat(moved.getDefaultProfile().getForwardOnNoAnswer()).isEqualTo("203");
        assertThat(moved.getCallClasses()).extracting(CallClass::getName).containsExactly("Zakelijk");
        assertThat(moved.getDefaultProfile().getCallerId()).isEqualTo("+31201110002");   // 202's own number
        assertThat(moved.getDefaultProfile().getDevices()).extracting(d -> d.getDevice() + ":" + d.getStep())
                .containsExactly("Toestel:1", "DESKTOP:2");
        assertThat(r.targetNotes()).anyMatch(n -> n.contains("caller ID"));
        // 201's number named a class 201 no longer has: unset, and said
        assertThat(personal.getDefaultCallClass()).isNull();
        assertThat(r.sourceNotes()).containsExactly("number +31201110001: default call class Zakelijk unset");
        // the source keeps only an empty default profile (REACH-22): all devices ring, no forwards
        ReachProfile left = source.getReach().getDefaultProfile();
        assertThat(source.getReach().getProfiles()).isEmpty();
        assertThat(left.getDevices()).isEmpty();
        assertThat(left.getForwardOnNoAnswer()).isNull();
        assertThat(left.getCallerId()).isNull();
    }

    @Test
    void aProfileEnablingOnlyLackingTypesEnablesAllOfTheTargetsDevices() {
        UserExtension source = user("201", device("Bureau", DeviceType.FIXED), device("Mob", DeviceType.MOBILE));
        ReachProfile mobileOnly = new ReachProfile();
        mobileOnly.setName("Onderweg");
        mobileOnly.setDevices(List.of(sel("Bureau", false, 1), sel("Mob", true, 1)));
        source.getReach().setProfiles(List.of(mobileOnly));
        UserExtension target = user("203", device("Vast", DeviceType.FIXED), device("Web", DeviceType.DESKTOP));

        ReachCopy.Result r = ReachCopy.copy(source, target, numbers);

        assertThat(r.reach().getProfiles().get(0).getDevices()).extracting(d -> d.getDevice() + ":" + d.isEnabled())
                .containsExactly("Vast:true", "Web:true");
        assertThat(r.notes()).anyMatch(n -> n.contains("all of the target's devices are enabled"));
    }

    @Test
    void personalNumbersAreReplacedByTheTargetsFirstOfTheSameKindCompanyNumbersStay() {
        UserExtension source = user("201");
        ReachConfig reach = source.getReach();
        reach.getDefaultProfile().setCallerId("0201110001");             // fixed personal
        CallClass cls = new CallClass();
        cls.setName("Zakelijk");
        cls.setCallerId("0201110000");                                     // company
        reach.setCallClasses(List.of(cls));
        reach.setDynamicCallerIds(List.of(dcid("#32#", "0651110201"), dcid("#33#", "0201110000")));

        ReachCopy.Result to202 = ReachCopy.copy(source, user("202"), numbers);
        assertThat(to202.reach().getDefaultProfile().getCallerId()).isEqualTo("+31201110002");
        assertThat(to202.reach().getCallClasses().get(0).getCallerId()).isEqualTo("+31201110000");
        assertThat(to202.reach().getDynamicCallerIds()).extracting(d -> d.getCode() + "=" + d.getCallerId())
                .containsExactly("#32#=+31651110202", "#33#=+31201110000");

        // 203 has no mobile: the mobile personal number becomes its first fixed one
        ReachCopy.Result to203 = ReachCopy.copy(source, user("203"), numbers);
        assertThat(to203.reach().getDynamicCallerIds()).extracting(d -> d.getCode() + "=" + d.getCallerId())
                .containsExactly("#32#=+31201110003", "#33#=+31201110000");

        // 204 has no personal number: the settings are switched off
        ReachCopy.Result to204 = ReachCopy.copy(source, user("204"), numbers);
        assertThat(to204.reach().getDefaultProfile().getCallerId()).isNull();
        assertThat(to204.reach().getDynamicCallerIds()).extracting(DynamicCallerId::getCode).containsExactly("#33#");
        assertThat(to204.notes()).anyMatch(n -> n.startsWith("dynamic caller ID #32#") && n.contains("off"));
    }

    private static UserExtension user(String number, UserDevice... devices) {
        UserExtension u = new UserExtension();
        u.setNumber(number);
        u.setName("User " + number);
        u.setDevices(new java.util.ArrayList<>(List.of(devices)));
        u.setReach(new ReachConfig());
        return u;
    }

    private static UserDevice device(String name, DeviceType type) {
        UserDevice d = new UserDevice();
        d.setName(name);
        d.setType(type);
        return d;
    }

    private static DeviceSelection sel(String device, boolean enabled, int step) {
        DeviceSelection s = new DeviceSelection();
        s.setDevice(device);
        s.setEnabled(enabled);
        s.setStep(step);
        return s;
    }

    private static DynamicCallerId dcid(String code, String number) {
        DynamicCallerId d = new DynamicCallerId();
        d.setCode(code);
        d.setCallerId(number);
        return d;
    }

    private static PhoneNumber number(String n, NumberKind kind, String owner) {
        PhoneNumber p = new PhoneNumber();
        p.setNumber(n);
        p.setKind(kind);
        p.setOwner(owner);
        return p;
    }
}
