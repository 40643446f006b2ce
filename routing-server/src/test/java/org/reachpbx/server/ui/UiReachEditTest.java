package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.yaml.TenantYaml;
import org.reachpbx.rules.vocabulary.ProfileSetting;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Editing REACH in a real browser: a new profile with a forward, a status time, a call class
 * contact, an invalid profile value shown at its field with nothing stored, and a delete that asks
 * first (Cancel keeps the profile). Checks the stored tenant ({@code TenantStore.exportYaml}) and
 * puts the demo tenant back after each test.
 */
class UiReachEditTest extends DemoTenantBrowserTest {

    @Autowired
    TenantEditor editor;

    @Autowired
    TenantYaml yaml;

    /** User 201 as the export has it (read back from the YAML). */
    private UserExtension exported201() {
        Tenant t = yaml.read(export());
        return t.getUsers().stream().filter(u -> u.getNumber().equals("201")).findFirst().orElseThrow();
    }

    private static void eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not stored within 30 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void openReach() {
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/reach");
        browser.waitForText(By.id("reach-profiles"), "Buitenland");
    }

    /** Issue 17, defect 8: at 1440 px the default profile is open, stays open after Save, and the profiles grid shows every column. */
    @Test
    void theDefaultProfileStaysOpenAndTheProfilesGridFitsAt1440() {
        defaultProfileOpenAndGridFitting(false);
    }

    /** The same in Dutch, whose column headers are longer. Screenshot {@code reach-profiles-nl-1440px}. */
    @Test
    void inDutchTheDefaultProfileStaysOpenAndTheProfilesGridFitsAt1440() {
        defaultProfileOpenAndGridFitting(true);
    }

    private void defaultProfileOpenAndGridFitting(boolean dutch) {
        browser = UiBrowser.start(port).windowSize(1440, 1000).login("tenantadmin", "demo-tenant");
        if (dutch) {
            browser.click("language");
            browser.waitForText(By.id("language"), "English");
        }
        browser.open("/ui/reach");
        browser.waitForText(By.id("reach-profiles"), "Buitenland");
        assertThat(browser.property("prof-0-details", "opened")).isEqualTo(true);
        Object fits = browser.script("const t = arguments[0].$.table; return t.scrollWidth <= t.clientWidth + 1;",
                browser.waitFor(By.id("reach-profiles")));
        assertThat(fits).as("the profiles grid needs no horizontal scrolling").isEqualTo(true);
        browser.click(By.id("reach-save"));
        browser.waitForText(By.id("reach-profiles"), "Buitenland");
        browser.present("prof-0-details");
        assertThat(browser.property("prof-0-details", "opened")).isEqualTo(true);
        browser.screenshot(dutch ? "reach-profiles-nl-1440px" : "reach-profiles-1440px");
    }

    @Test
    void aNewProfileWithAForwardIsInTheExport() {
        openReach();
        browser.type(By.id("profile-new-name"), "Vakantie");
        browser.click(By.id("profile-add"));
        browser.waitFor(By.id("prof-3-name"));
        assertThat(export()).contains("name: Vakantie");
        // a new profile inherits everything; it takes its own "forward always"
        browser.click(By.id("prof-3-inherit-FORWARD_ALWAYS"));
        browser.type(By.id("prof-3-forwardAlways"), "voicemail");
        browser.type(By.id("prof-3-noAnswerTimeout"), "30");
        browser.screenshot("reach-edit-new-profile");
        browser.click(By.id("reach-save"));
        eventually(() -> exported201().getReach().getProfiles().stream()
                .anyMatch(p -> p.getName().equals("Vakantie") && "voicemail".equals(p.getForwardAlways())));
        ReachProfile p = exported201().getReach().getProfiles().stream().filter(x -> x.getName().equals("Vakantie"))
                .findFirst().orElseThrow();
        assertThat(p.getInherit()).doesNotContain(ProfileSetting.FORWARD_ALWAYS).contains(ProfileSetting.DEVICES);
        assertThat(p.getNoAnswerTimeout()).isEqualTo(30);
        browser.waitForText(By.id("reach-profiles"), "Vakantie");
        browser.screenshot("reach-edit-new-profile-saved");
    }

    @Test
    void aStatusTimeIsEdited() {
        openReach();
        browser.type(By.id("st-0-t0-from"), "07:30");
        browser.click(By.id("st-1-addtime"));
        browser.choose(By.id("st-1-t1-days"), "Sat");
        browser.type(By.id("st-1-t1-from"), "10:00");
        browser.type(By.id("st-1-t1-to"), "14:00");
        browser.screenshot("reach-edit-status-time");
        browser.click(By.id("reach-save"));
        eventually(() -> "07:30".equals(exported201().getReach().getStatuses().get(0).getTimes().get(0).getFrom()));
        assertThat(exported201().getReach().getStatuses().get(1).getTimes()).hasSize(2);
        assertThat(exported201().getReach().getStatuses().get(1).getTimes().get(1).getDays())
                .containsExactly(java.time.DayOfWeek.SATURDAY);
        browser.waitForText(By.id("reach-statuses"), "Mon,Tue,Wed,Thu,Fri 07:30–18:00");
        browser.screenshot("reach-edit-status-time-saved");
    }

    @Test
    void aCallClassContactIsAdded() {
        openReach();
        browser.click(By.id("cc-1-addcontact"));
        browser.type(By.id("cc-1-k0-name"), "Kantoor Berlijn");
        browser.type(By.id("cc-1-k0-number"), "0049301234567");
        browser.click(By.id("cc-1-assistant"));
        browser.screenshot("reach-edit-contact");
        browser.click(By.id("reach-save"));
        eventually(() -> !exported201().getReach().getCallClasses().get(1).getContacts().isEmpty());
        CallClass duitsland = exported201().getReach().getCallClasses().get(1);
        assertThat(duitsland.getContacts()).singleElement().satisfies(k -> {
            assertThat(k.getName()).isEqualTo("Kantoor Berlijn");
            assertThat(k.getNumber()).isEqualTo("0049301234567");
        });
        assertThat(duitsland.isAssistantGroupAllowed()).isTrue();
        assertThat(export()).contains("Kantoor Berlijn");
        browser.waitForText(By.id("reach-callclasses"), "Kantoor Berlijn");
        browser.screenshot("reach-edit-contact-saved");
    }

    @Test
    void anInvalidProfileValueIsShownAtItsFieldAndNothingIsStored() {
        openReach();
        browser.type(By.id("prof-1-voicemailBox"), "999");
        browser.type(By.id("prof-2-noAnswerTimeout"), "2");
        browser.type(By.id("cc-0-k0-number"), "12");
        browser.click(By.id("reach-save"));
        browser.waitForText(By.id("reach-errors"), "Nothing was stored");
        assertThat(browser.waitForErrorMessage("prof-1-voicemailBox", "not a voicemail extension")).contains("999");
        assertThat(browser.waitForErrorMessage("prof-2-noAnswerTimeout", "5")).isNotBlank();
        assertThat(browser.waitForErrorMessage("cc-0-k0-number", "national format")).isNotBlank();
        assertThat(export()).isEqualTo(original);
        browser.inView(By.id("prof-1-voicemailBox"));
        browser.screenshot("reach-edit-invalid");
    }

    @Test
    void aDeleteAsksFirstAndCancelKeepsTheProfile() {
        openReach();
        browser.click(By.id("prof-2-delete"));
        browser.waitForText(By.id("confirm-delete-text"), "Avond");
        browser.screenshot("reach-edit-delete-confirm");
        browser.click(By.id("confirm-delete-cancel"));
        assertThat(exported201().getReach().getProfiles()).extracting(ReachProfile::getName).contains("Avond");
        assertThat(export()).isEqualTo(original);

        browser.click(By.id("prof-2-delete"));
        browser.waitForText(By.id("confirm-delete-text"), "Avond");
        browser.click(By.id("confirm-delete-ok"));
        eventually(() -> exported201().getReach().getProfiles().stream().noneMatch(p -> p.getName().equals("Avond")));
        // the matrix cells that chose it now mean the default profile
        assertThat(exported201().getReach().getMatrix()).noneMatch(c -> "Avond".equals(c.getProfile()));
        browser.waitForNoText(By.id("reach-profiles"), "Avond");
        browser.screenshot("reach-edit-deleted");
    }

    @Test
    void anExtensionDeleteAsksFirst() {
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/extensions");
        browser.cell("ext-grid", "Mevr. Bakker").click();
        browser.click(By.id("ext-delete"));
        browser.waitForText(By.id("confirm-delete-text"), "202");
        browser.screenshot("extensions-delete-confirm");
        browser.click(By.id("confirm-delete-cancel"));
        assertThat(export()).isEqualTo(original);
    }

    @Test
    void theEndUserEditsTheOwnProfile() {
        browser = UiBrowser.start(port).login("piet", "demo-user");
        browser.waitForText(By.id("reach-profiles"), "Standaard");
        browser.type(By.id("prof-1-forwardOnNoAnswer"), "0612345678");
        browser.click(By.id("reach-save"));
        eventually(() -> "0612345678".equals(exported201().getReach().getProfiles().get(0).getForwardOnNoAnswer()));
        assertThat(browser.all(By.id("reach-user"))).noneMatch(e -> e.isDisplayed());
        browser.screenshot("reach-edit-end-user");
    }
}
