package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.access.UiUserRepository;
import org.reachpbx.directory.access.UiUsers;
import org.reachpbx.directory.recording.CallRecording;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.media.record.Recording;
import org.reachpbx.media.record.Wav;
import org.reachpbx.server.recording.RecordingStore;
import org.reachpbx.server.sip.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The call recordings view in a real browser (REC-03, REC-04): the account role's list opens on
 * today, filters, plays and deletes (after asking); the end-user role sees only the own
 * recordings, gets a ZIP and has no delete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiRecordingsTest {

    static final String PASSWORD = "h14b-ui-rec-pass";

    @LocalServerPort
    int port;
    @Autowired
    TenantStore store;
    @Autowired
    TenantViewCache views;
    @Autowired
    RecordingStore recordings;
    @Autowired
    UiUsers users;
    @Autowired
    UiUserRepository logins;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;

    UiBrowser browser;
    long tenant;
    CallRecording annas;
    CallRecording brams;

    @BeforeEach
    void recordingsOfTodayAndYesterday() throws Exception {
        tenant = TestTenants.ensure(store, views, "Rec Roles BV", "recording/h14b-rec-roles-tenant.yaml");
        recordings.ofTenant(tenant).forEach(recordings::delete);
        users.createIfAbsent("h14b-ui-rec-account", PASSWORD, UiRole.RECORDINGS_ACCOUNT, tenant, encoder);
        users.createIfAbsent("h14b-ui-rec-bram", PASSWORD, UiRole.RECORDINGS_END_USER, tenant, "202", encoder);
        Instant now = clock.instant();
        annas = store("h14b-ui-a", "201", "0612345678", "201", now);
        brams = store("h14b-ui-b", "202", "202", "0201234567", now);
        store("h14b-ui-c", "201", "0687654321", "201", now.minus(Duration.ofDays(2)));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        recordings.ofTenant(tenant).forEach(recordings::delete);
        // the logins go too: UiUsersTest expects a role filter "END_USER" to find END_USERs only
        for (String name : java.util.List.of("h14b-ui-rec-account", "h14b-ui-rec-bram")) {
            logins.findByUsername(name).ifPresent(logins::delete);
        }
    }

    CallRecording store(String callId, String user, String caller, String destination, Instant at) throws Exception {
        Recording half = new Recording(Wav.pcm16Mono8k(new short[1600], 1600), Duration.ofMillis(200), Duration.ZERO,
                Recording.End.STOPPED);
        return recordings.store(tenant, callId, user, caller, destination, at, half, half);
    }

    @Test
    void theAccountRoleSeesTodaysRecordingsFiltersPlaysAndDeletes() throws Exception {
        browser = UiBrowser.start(port).login("h14b-ui-rec-account", PASSWORD);
        browser.waitForText(By.id("rec-list"), "0612345678"); // the start page of this role
        String list = browser.waitFor(By.id("rec-list")).getText();
        assertThat(list).contains("0612345678", "0201234567").doesNotContain("0687654321");
        browser.screenshot("recordings-account");

        browser.type("rec-caller", "0612");
        browser.waitForNoText(By.id("rec-list"), "0201234567");
        assertThat(browser.waitFor(By.id("rec-list")).getText()).contains("0612345678");

        browser.click("rec-play-" + annas.getId());
        WebElement player = browser.waitFor(By.id("rec-audio"));
        Object size = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0].src).then(r => r.arrayBuffer()).then(b => done(b.byteLength));", player);
        assertThat(((Number) size).longValue()).isEqualTo(Files.size(recordings.file(annas)));

        browser.type("rec-caller", "");
        browser.waitForText(By.id("rec-list"), "0201234567");
        browser.click("rec-delete-" + brams.getId());
        browser.waitForText(By.id("confirm-delete-text"), "0201234567");
        browser.click("confirm-delete-ok");
        browser.waitForNoText(By.id("rec-list"), "0201234567");
        assertThat(recordings.find(brams.getId())).isEmpty();
    }

    @Test
    void theEndUserRoleSeesOnlyTheOwnRecordingsGetsAZipAndCannotDelete() {
        browser = UiBrowser.start(port).login("h14b-ui-rec-bram", PASSWORD);
        browser.open("/ui/recordings");
        browser.waitForText(By.id("rec-list"), "0201234567");
        assertThat(browser.waitFor(By.id("rec-list")).getText()).doesNotContain("0612345678");
        assertThat(browser.absentOrHidden("rec-delete-" + brams.getId())).isTrue();
        assertThat(browser.absentOrHidden("rec-user")).as("no user filter: the own recordings only").isTrue();

        WebElement zip = browser.waitFor(By.id("rec-zip"));
        Object head = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0].href).then(r => r.arrayBuffer())"
                + ".then(b => done(String.fromCharCode(...new Uint8Array(b.slice(0, 2)))));", zip);
        assertThat(head).isEqualTo("PK");
        browser.screenshot("recordings-end-user");
    }
}
