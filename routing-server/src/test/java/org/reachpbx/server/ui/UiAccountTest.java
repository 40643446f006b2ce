package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Account settings, privacy groups and channels in a real browser. */
class UiAccountTest extends DemoTenantBrowserTest {

    @Autowired
    org.reachpbx.server.sip.registrar.RegistrationStore registrations;

    @BeforeEach
    void startBrowser() {
        browser = UiBrowser.start(port);
    }

    @Test
    void theAccountSettingsAreSaved() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/account");
        browser.waitFor(By.id("acc-fallback"));
        browser.type("acc-call-limit", "4");
        browser.type("acc-allowlist", "192.0.2.10 kantoor\n198.51.100.0-198.51.100.255 filiaal");
        browser.choose("acc-anchor-media", "Always (the server relays the audio)"); // stored as ALWAYS
        browser.click("acc-save");
        browser.waitForText(By.tagName("body"), "Saved");
        String yaml = export();
        assertThat(yaml).contains("externalCallLimit: 4", "from: 192.0.2.10", "description: kantoor",
                "to: 198.51.100.255", "anchorMedia: ALWAYS");
        browser.screenshot("account-saved");
    }

    @Test
    void anInvalidSettingIsShownAtItsFieldAndNothingIsStored() {
        browser.login("admin", "demo-admin");
        browser.open("/ui/config/account");
        browser.waitFor(By.id("acc-fallback"));
        browser.type("acc-fallback", "");
        browser.type("acc-call-limit", "9");
        browser.click("acc-save");
        browser.waitForAttribute("acc-fallback", "invalid", true);
        browser.screenshot("account-invalid");
        assertThat(browser.waitForErrorMessage("acc-fallback", "required")).contains("emergency fallback");
        assertThat(browser.waitForErrorMessage("acc-call-limit", "5")).isNotBlank();
        assertThat(browser.present("acc-call-limit").getAttribute("invalid")).isNotNull();
        assertThat(export()).isEqualTo(original);
    }

    @Test
    void thePrivacyRightsMatrixIsSaved() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/account");
        browser.cell("pg-grid", "Directie").click();
        browser.waitFor(By.id("pg-201-listenIn"));
        assertThat(browser.waitFor(By.id("pg-201-pickup")).getAttribute("checked")).isNotNull();
        assertThat(browser.waitFor(By.id("pg-201-listenIn")).getAttribute("checked")).isNull();
        browser.click("pg-201-listenIn");
        browser.waitForAttribute("pg-201-listenIn", "checked", true);
        browser.screenshot("privacy-rights-matrix");
        browser.click("pg-rights-save");
        browser.waitForText(By.tagName("body"), "Saved");
        String directie = export().substring(export().indexOf("name: Directie"));
        assertThat(directie.substring(0, directie.indexOf("- target: \"202\""))).contains("listenIn: true");
    }

    @Test
    void aChannelShowsItsSettingsAndItsRegistrationState() {
        browser.login("admin", "demo-admin");
        browser.open("/ui/config/channels");
        browser.cell("ch-grid", "jansen-bureau").click();
        browser.waitForText(By.id("ch-state"), "jansen-bureau");
        assertThat(browser.waitFor(By.id("ch-state")).getText())
                .isEqualTo("Channel jansen-bureau is not registered.");
        assertThat(browser.waitFor(By.id("ch-grid")).getText()).contains("RFC4733", "020");
        browser.screenshot("channels");
    }

    @Test
    void aRegisteredChannelShowsItsLiveRegistration() {
        registrations.bind(new org.reachpbx.server.sip.registrar.RegistrationStore.Binding(demo, "bakker-bureau",
                "sip:bakker-bureau@192.0.2.44:5062", "call-1", 1, java.time.Instant.now().plusSeconds(3600),
                "192.0.2.44", 5062, "Yealink T54W 96.86", null));
        try {
            browser.login("tenantadmin", "demo-tenant");
            browser.open("/ui/config/channels");
            browser.cell("ch-grid", "bakker-bureau").click();
            browser.waitForText(By.id("ch-state"), "1 registration");
            String live = browser.waitFor(By.id("ch-registrations")).getText();
            assertThat(live).contains("sip:bakker-bureau@192.0.2.44:5062", "192.0.2.44:5062", "Yealink T54W 96.86");
            browser.screenshot("channels-registered");
        } finally {
            registrations.unbindAll(demo, "bakker-bureau");
        }
    }

    /** The channel list's registration column (index 5: key, user, DTMF, call limit, area code, registration) follows the registrar live. */
    @Test
    void theChannelListShowsEachChannelsRegistrationAndFollowsItLive() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/channels");
        browser.cell("ch-grid", "bakker-bureau");
        java.util.List<String> keys = browser.waitForColumn("ch-grid", 0, k -> k.contains("bakker-bureau"));
        int row = keys.indexOf("bakker-bureau");
        assertThat(browser.waitForColumn("ch-grid", 5, texts -> texts.size() == keys.size()))
                .allMatch("not registered"::equals);
        browser.screenshot("channels-list-not-registered");

        // the page is not reloaded: the open view polls the registrar
        registrations.bind(new org.reachpbx.server.sip.registrar.RegistrationStore.Binding(demo, "bakker-bureau",
                "sip:bakker-bureau@192.0.2.45:5062", "call-2", 1, java.time.Instant.now().plusSeconds(3600),
                "192.0.2.45", 5062, "Yealink T54W 96.86", null));
        try {
            java.util.List<String> states = browser.waitForColumn("ch-grid", 5,
                    texts -> texts.size() > row && texts.get(row).startsWith("registered: 1 contact"));
            assertThat(states.get(row)).matches("registered: 1 contact\\(s\\), expires \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d CES?T");
            assertThat(states).filteredOn(s -> s.startsWith("registered")).hasSize(1);
            browser.screenshot("channels-list-registered");
        } finally {
            registrations.unbindAll(demo, "bakker-bureau");
        }
        browser.waitForColumn("ch-grid", 5, texts -> texts.size() > row && texts.get(row).equals("not registered"));
    }
}
