package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.yaml.TenantYaml;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * REACH in a real browser: a tenant admin edits a matrix cell, copies REACH to another user,
 * reassigns it and clears it, each with its confirmation step; the end user sees only the own REACH and voicemail; the page in Dutch.
 * The demo tenant is put back after each test (the Spring context, and its database, is shared).
 */
class UiReachTest extends DemoTenantBrowserTest {

    @Autowired
    TenantEditor editor;

    @Autowired
    TenantYaml yaml;

    @Autowired
    AuditTrail audit;

    private UserExtension user(String number) {
        Tenant t = editor.draft(demo).orElseThrow();
        return t.getUsers().stream().filter(u -> u.getNumber().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void theTenantAdminEditsAMatrixCellAndItIsInTheExport() {
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/reach");
        browser.waitForText(By.id("reach-profiles"), "Buitenland");
        assertThat(browser.waitFor(By.id("reach-profiles")).getText()).contains("(inherited)");
        assertThat(browser.waitFor(By.id("reach-statuses")).getText()).contains("Dag", "Mon,Tue,Wed,Thu,Fri 08:00–18:00");
        assertThat(browser.waitFor(By.id("reach-callclasses")).getText()).contains("Zakelijk", "0104", "Duitsland");
        assertThat(store.exportYaml(demo).orElseThrow()).containsPattern("callClass: Duitsland\\s+profile: Buitenland");

        // Duitsland (class 1) without a status (column 0): Buitenland -> Avond; and a manual status
        browser.choose(By.id("matrix-1-0"), "Avond");
        browser.choose(By.id("manual-status"), "Avond");
        browser.type(By.id("cc-prefixes-1"), "0049, 0043");   // Duitsland also takes Austrian callers
        browser.screenshot("reach-matrix-edited");
        browser.click(By.id("reach-save"));
        browser.waitForText(By.tagName("vaadin-notification-card"), "is saved");

        String export = store.exportYaml(demo).orElseThrow();
        assertThat(export).containsPattern("callClass: Duitsland\\s+profile: Avond")
                .doesNotContainPattern("callClass: Duitsland\\s+profile: Buitenland");
        assertThat(export).containsPattern("name: Duitsland\\s+prefixes:\\s+- \"0049\"\\s+- \"0043\"");
        assertThat(user("201").getReach().getManualStatus().getStatus()).isEqualTo("Avond");
        assertThat(audit.latest(5)).anyMatch(e -> e.getUsername().equals("tenantadmin")
                && e.getAction().equals("REACH: save") && e.getDetail().contains("Duitsland/-: Buitenland → Avond"));
        browser.screenshot("reach-saved");
    }

    @Test
    void anInvalidEditIsRefusedWithItsReasonAndNothingIsStored() {
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/reach");
        browser.waitForText(By.id("reach-profiles"), "Buitenland");
        browser.type(By.id("dcid-34"), "12");                      // not one of the account's numbers
        browser.click(By.id("reach-save"));
        browser.waitForText(By.id("reach-errors"), "Nothing was stored");
        assertThat(browser.waitFor(By.id("reach-errors")).getText()).contains("dynamicCallerIds", "12 is not a number of this tenant");
        assertThat(store.exportYaml(demo).orElseThrow()).isEqualTo(original);
        browser.screenshot("reach-invalid");
    }

    @Test
    void copyingReachShowsWhatChangesAndReplacesDevicesAndNumbers() {
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/reach");
        browser.waitForText(By.id("reach-profiles"), "Buitenland");
        assertThat(user("202").getReach().getProfiles()).extracting(ReachProfile::getName).doesNotContain("Buitenland");

        browser.choose(By.id("copy-targets"), "202 Mevr. Bakker");
        browser.click(By.id("copy"));
        browser.waitForText(By.id("copy-changes"), "202");
        String changes = browser.waitFor(By.id("copy-changes")).getText();
        assertThat(changes).contains("202 Mevr. Bakker: overwritten", "+31201110001 → +31201110002",
                "MOBILE settings not copied");
        browser.screenshot("reach-copy-confirm");
        // nothing is copied before the confirmation
        assertThat(user("202").getReach().getProfiles()).extracting(ReachProfile::getName).doesNotContain("Buitenland");

        browser.click(By.id("copy-confirm"));
        browser.waitForText(By.tagName("vaadin-notification-card"), "copied to 202");
        UserExtension bakker = user("202");
        assertThat(bakker.getReach().getProfiles()).extracting(ReachProfile::getName).containsExactly("Buitenland", "Avond");
        assertThat(bakker.getReach().getDefaultProfile().getCallerId()).isEqualTo("+31201110002");
        assertThat(bakker.getReach().getDefaultProfile().getDevices()).extracting(d -> d.getDevice())
                .containsExactly("Bureautoestel", "DESKTOP");
        assertThat(bakker.getReach().getMatrix()).hasSize(5);
        assertThat(audit.latest(5)).anyMatch(e -> e.getAction().equals("REACH: copy")
                && e.getDetail().startsWith("from 201 to 202"));
        browser.screenshot("reach-copied");
    }

    @Test
    void reassigningReachGivesItToTheChosenUserAndClearsTheSource() {
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/reach");
        browser.waitForText(By.id("reach-profiles"), "Buitenland");

        browser.choose(By.id("reassign-target"), "202 Mevr. Bakker");
        browser.click(By.id("reassign"));
        browser.waitForText(By.id("reassign-changes"), "202");
        assertThat(browser.waitFor(By.id("reassign-changes")).getText()).contains(
                "202 Mevr. Bakker: gets this configuration", "+31201110001 → +31201110002",
                "201 Dhr. Jansen: left with an empty default profile", "default call class Zakelijk unset");
        browser.screenshot("reach-reassign-confirm");
        assertThat(user("201").getReach().getProfiles()).isNotEmpty();     // nothing before the confirmation

        browser.click(By.id("reassign-confirm"));
        browser.waitForText(By.tagName("vaadin-notification-card"), "reassigned to 202");
        UserExtension bakker = user("202");
        assertThat(bakker.getReach().getProfiles()).extracting(ReachProfile::getName).containsExactly("Buitenland", "Avond");
        assertThat(bakker.getReach().getDefaultProfile().getDevices()).extracting(d -> d.getDevice())
                .containsExactly("Bureautoestel", "DESKTOP");
        UserExtension jansen = user("201");
        assertThat(jansen.getReach().getProfiles()).isEmpty();
        assertThat(jansen.getReach().getCallClasses()).isEmpty();
        assertThat(jansen.getReach().getDefaultProfile().getDevices()).isEmpty();
        assertThat(audit.latest(5)).anyMatch(e -> e.getAction().equals("REACH: reassign")
                && e.getDetail().startsWith("from 201 to 202"));
    }

    @Test
    void clearingReachAsksFirstThenLeavesOnlyAnEmptyDefaultProfile() {
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/reach");
        browser.waitForText(By.id("reach-profiles"), "Buitenland");

        browser.click(By.id("reach-clear"));
        browser.waitForText(By.id("confirm-delete-text"), "cannot be undone");
        assertThat(browser.waitFor(By.id("confirm-delete-text")).getText()).contains("201 Dhr. Jansen");
        browser.screenshot("reach-clear-confirm");
        browser.click(By.id("confirm-delete-cancel"));
        browser.waitForGone(By.id("confirm-delete"));
        assertThat(user("201").getReach().getProfiles()).extracting(ReachProfile::getName).contains("Buitenland");

        browser.click(By.id("reach-clear"));
        browser.waitForText(By.id("confirm-delete-text"), "cannot be undone");
        browser.click(By.id("confirm-delete-ok"));
        browser.waitForText(By.tagName("vaadin-notification-card"), "REACH of 201 is cleared");
        UserExtension jansen = user("201");
        assertThat(jansen.getReach().getProfiles()).isEmpty();
        assertThat(jansen.getReach().getStatuses()).isEmpty();
        assertThat(jansen.getReach().getCallClasses()).isEmpty();
        assertThat(jansen.getReach().getMatrix()).isEmpty();
        assertThat(jansen.getReach().getDefaultProfile().getDevices()).isEmpty();
        assertThat(jansen.getReach().getDefaultProfile().getForwardOnNoAnswer()).isNull();
        assertThat(user("202").getReach().getDefaultProfile().getForwardOnNoAnswer()).isEqualTo("203"); // others kept
        // 201's number named the class Zakelijk (REACH-20), which is gone with the rest: unset, and audited
        assertThat(store.exportYaml(demo).orElseThrow()).doesNotContain("CallClass: Zakelijk");
        assertThat(audit.latest(5)).anyMatch(e -> e.getAction().equals("REACH: clear")
                && e.getDetail().startsWith("user 201") && e.getDetail().contains("default call class Zakelijk unset"));
        browser.waitForNoText(By.id("reach-profiles"), "Buitenland");
    }

    @Test
    void theEndUserSeesOnlyTheOwnReachAndVoicemail() {
        browser = UiBrowser.start(port).login("piet", "demo-user");
        // the start page of an end user is the own REACH
        browser.waitForText(By.id("reach-profiles"), "Standaard");
        assertThat(browser.url()).endsWith("/ui/reach");
        assertThat(browser.all(By.id("reach-user"))).noneMatch(e -> e.isDisplayed());
        assertThat(browser.all(By.id("copy"))).isEmpty();
        String nav = browser.waitFor(By.tagName("vaadin-side-nav")).getText();
        assertThat(nav).contains("REACH", "Voicemail").doesNotContain("Tenants", "Simulator", "Rule tables", "Audit",
                "UI users", "Outbox");
        browser.screenshot("enduser-reach");

        browser.choose(By.id("manual-status"), "Dag");
        browser.click(By.id("reach-save"));
        browser.waitForText(By.tagName("vaadin-notification-card"), "is saved");
        assertThat(user("201").getReach().getManualStatus().getStatus()).isEqualTo("Dag");
        assertThat(user("202").getReach().getManualStatus()).isNull();

        browser.open("/ui/voicemail");
        browser.waitForText(By.tagName("h2"), "My voicemail");
        assertThat(browser.all(By.id("vm-box"))).noneMatch(e -> e.isDisplayed());

        for (String view : List.of("simulator", "rule-tables", "audit", "ui-users", "outbox")) {
            browser.open("/ui/" + view);
            browser.waitForText(By.id("not-allowed-text"), "may not open '" + view + "'");
        }
        browser.screenshot("enduser-refused");
    }

    @Test
    void theLanguageButtonSwitchesToDutch() {
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/reach");
        browser.waitForText(By.id("reach-profiles"), "Buitenland");
        assertThat(browser.pageText()).contains("Call classes");
        browser.click(By.id("language"));
        browser.waitForText(By.tagName("body"), "Belklassen");
        assertThat(browser.pageText()).contains("Belklassen", "Matrix: belklasse × status", "Bereikbaarheid opslaan",
                "Afmelden", "(overgenomen)").doesNotContain("Call classes");
        // issue 17, defect 2: barring categories by their labels, the date picker's calendar in Dutch
        assertThat(browser.waitFor(By.id("reach-barring")).getText()).contains("Internationaal (alle)", "0900-nummers")
                .doesNotContain("INTERNATIONAL", "PREMIUM_0900");
        Object calendar = browser.script("const p = document.getElementById('manual-status-until')"
                + ".querySelector('[slot=date-picker]'); const i = p.i18n;"
                + " return [i.monthNames[0], i.weekdaysShort[1], i.today, i.cancel, String(i.firstDayOfWeek)];");
        assertThat(calendar).asList().containsExactly("januari", "ma", "Vandaag", "Annuleren", "1");
        browser.screenshot("reach-dutch");
        browser.click(By.id("language"));
        // The Dutch title "Bereikbaarheid (REACH)" holds "REACH" too: wait for English text instead.
        browser.waitForText(By.tagName("body"), "Call classes");
        assertThat(browser.pageText()).doesNotContain("Belklassen");
    }

    /** "analyst (rule tables and simulator, read-only elsewhere)": REACH opens read-only; voicemail and outbox (personal data) not at all. */
    @Test
    void theAnalystSeesReachReadOnlyAndNeitherVoicemailNorTheOutbox() {
        browser = UiBrowser.start(port).login("analyst", "demo-analyst");
        String nav = browser.waitFor(By.tagName("vaadin-side-nav")).getText();
        assertThat(nav).contains("REACH", "Simulator", "Rule tables").doesNotContain("Voicemail", "Outbox", "Audit",
                "UI users");
        browser.open("/ui/reach");
        browser.choose(By.id("reach-tenant"), "Demo BV");
        browser.waitForText(By.id("reach-profiles"), "Buitenland");
        browser.waitForText(By.id("reach-read-only"), "Read only");
        assertThat(browser.all(By.id("reach-save"))).isEmpty();
        for (String id : List.of("copy", "reassign", "profile-add", "status-add", "callclass-add")) {
            assertThat(browser.absentOrHidden(id)).as(id).isTrue();
        }
        browser.present("prof-1-details"); // the second profile's panel is there, without its Delete
        assertThat(browser.absentOrHidden("prof-1-delete")).as("delete profile").isTrue();
        for (String id : List.of("matrix-1-0", "manual-status", "cc-prefixes-1", "dcid-30", "prof-1-name")) {
            assertThat(browser.present(id).getAttribute("readonly")).as(id).isNotNull();
        }
        browser.screenshot("analyst-reach-read-only");

        for (String view : List.of("voicemail", "outbox")) {
            browser.open("/ui/" + view);
            browser.waitForText(By.id("not-allowed-text"), "may not open '" + view + "'");
        }
        browser.screenshot("analyst-voicemail-refused");
        assertThat(export()).isEqualTo(original);
    }
}
