package org.reachpbx.ui.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.MatrixCell;
import org.reachpbx.directory.model.ManualStatus;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.ReachConfig;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.rules.vocabulary.ProfileSetting;

class ReachEditsTest {

    private static MatrixCell cell(String cls, String status, String profile) {
        MatrixCell c = new MatrixCell();
        c.setCallClass(cls);
        c.setStatus(status);
        c.setProfile(profile);
        return c;
    }

    private static ReachConfig reach() {
        ReachConfig r = new ReachConfig();
        r.getDefaultProfile().setName("Standaard");
        ReachEdits.addProfile(r, "Avond");
        ReachEdits.addStatus(r, "Dag");
        ReachEdits.addStatus(r, "Nacht");
        ReachEdits.addCallClass(r, "Zakelijk");
        r.getMatrix().add(cell("Zakelijk", "Dag", "Avond"));
        r.getMatrix().add(cell("Zakelijk", "Nacht", "Standaard"));
        r.getMatrix().add(cell("Zakelijk", null, "Avond"));
        ManualStatus m = new ManualStatus();
        m.setStatus("Nacht");
        r.setManualStatus(m);
        r.setRoamingStatus("Nacht");
        return r;
    }

    @Test
    void aClearedReachHasOnlyAnEmptyDefaultProfile() {
        ReachConfig r = ReachEdits.cleared();
        assertThat(r.getAllProfiles()).hasSize(1);
        ReachProfile p = r.getDefaultProfile();
        assertThat(p.getDevices()).isEmpty();                       // every reachable device rings
        assertThat(p.getForwardAlways()).isNull();
        assertThat(p.getForwardOnBusy()).isNull();
        assertThat(p.getForwardOnNoAnswer()).isNull();
        assertThat(p.getCallerId()).isNull();
        assertThat(r.getStatuses()).isEmpty();
        assertThat(r.getCallClasses()).isEmpty();
        assertThat(r.getMatrix()).isEmpty();
        assertThat(r.getDynamicCallerIds()).isEmpty();
        assertThat(r.getCallBarring()).isEmpty();
        assertThat(r.getManualStatus()).isNull();
        assertThat(r.getManualDeviceOverride()).isNull();
    }

    @Test
    void clearingUnsetsTheNumberClassesOfTheUserThatAreGone() {
        UserExtension user = new UserExtension();
        user.setNumber("201");
        user.setReach(reach());
        PhoneNumber own = new PhoneNumber();
        own.setNumber("0201110001");
        own.setOwner("201");
        own.setDefaultCallClass("Zakelijk");
        own.setAnonymousCallClass("Zakelijk");
        PhoneNumber other = new PhoneNumber();
        other.setNumber("0201110002");
        other.setOwner("202");
        other.setDefaultCallClass("Klant");

        List<String> notes = ReachEdits.clear(user, List.of(own, other));

        assertThat(user.getReach().getCallClasses()).isEmpty();
        assertThat(own.getDefaultCallClass()).isNull();
        assertThat(own.getAnonymousCallClass()).isNull();
        assertThat(other.getDefaultCallClass()).isEqualTo("Klant");         // another user's number stays
        assertThat(notes).containsExactly("number +31201110001: default call class Zakelijk unset",
                "number +31201110001: anonymous call class Zakelijk unset");
    }

    @Test
    void aNewProfileInheritsEverything() {
        ReachConfig r = reach();
        ReachProfile p = ReachEdits.addProfile(r, " Vakantie ");
        assertThat(p.getName()).isEqualTo("Vakantie");
        assertThat(p.getInherit()).containsExactly(ProfileSetting.values());
        assertThat(r.getProfiles()).extracting(ReachProfile::getName).containsExactly("Avond", "Vakantie");
    }

    @Test
    void renamesFollowIntoTheMatrixAndManualStatus() {
        ReachConfig r = reach();
        ReachEdits.renameProfile(r, "Avond", "Laat");
        ReachEdits.renameStatus(r, "Nacht", "Weekend");
        ReachEdits.renameCallClass(r, "Zakelijk", "Klanten");
        assertThat(r.getProfiles().get(0).getName()).isEqualTo("Laat");
        assertThat(r.getMatrix()).extracting(MatrixCell::getProfile).containsExactly("Laat", "Standaard", "Laat");
        assertThat(r.getMatrix()).extracting(MatrixCell::getStatus).containsExactly("Dag", "Weekend", null);
        assertThat(r.getMatrix()).extracting(MatrixCell::getCallClass).containsOnly("Klanten");
        assertThat(r.getManualStatus().getStatus()).isEqualTo("Weekend");
        assertThat(r.getRoamingStatus()).isEqualTo("Weekend");
    }

    @Test
    void deletesRemoveWhatNamesThem() {
        ReachConfig r = reach();
        assertThat(ReachEdits.deleteProfile(r, "Standaard")).isFalse();   // the default profile stays
        assertThat(ReachEdits.deleteProfile(r, "Avond")).isTrue();
        assertThat(r.getMatrix()).hasSize(1);
        assertThat(ReachEdits.deleteStatus(r, "Nacht")).isTrue();
        assertThat(r.getMatrix()).isEmpty();
        assertThat(r.getManualStatus()).isNull();
        assertThat(r.getRoamingStatus()).isNull();
        r.getMatrix().add(cell("Zakelijk", "Dag", "Standaard"));
        assertThat(ReachEdits.deleteCallClass(r, "Zakelijk")).isTrue();
        assertThat(r.getMatrix()).isEmpty();
        assertThat(ReachEdits.deleteCallClass(r, "Zakelijk")).isFalse();
    }

    @Test
    void violationPathsBelowTheUsersReach() {
        assertThat(ReachEdits.relativePath("users[3].reach.profiles[0].callerId", "users[3]"))
                .isEqualTo("profiles[0].callerId");
        assertThat(ReachEdits.relativePath("users[4].reach.profiles[0].callerId", "users[3]")).isNull();
        assertThat(ReachEdits.relativePath("numbers[0].owner", "users[3]")).isNull();
        assertThat(ReachEdits.candidates("statuses[1].times[0].from"))
                .isEqualTo(List.of("statuses[1].times[0].from", "statuses[1].times[0]", "statuses[1].times", "statuses[1]",
                        "statuses"));
    }
}
