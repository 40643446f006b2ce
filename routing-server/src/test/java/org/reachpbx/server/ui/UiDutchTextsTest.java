package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reachpbx.directory.access.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 17, defect 2 in the browser, at 1440 px and at 390 px: after the language button the audit
 * trail names its actions in Dutch ("Regeltabellen: publiceren", not the stored "Rule tables:
 * publish") and the rule tables' upload button says "Bestand uploaden...". Screenshots
 * {@code target/screenshots/dutch-<width>-<view>.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiDutchTextsTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    UiBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAuditActionsAndTheUploadButtonSpeakDutchOnADesk() {
        dutchTexts(1440, 1000);
    }

    @Test
    void theAuditActionsAndTheUploadButtonSpeakDutchOnAPhone() {
        dutchTexts(390, 844);
    }

    private void dutchTexts(int width, int height) {
        audit.record("someone", null, "Rule tables: publish", "version 7 (" + width + ")");
        // logged in at the default size (the header names the user there), then the width to test
        browser = UiBrowser.start(port).login("admin", "demo-admin").windowSize(width, height);
        browser.open("/ui/audit");
        browser.waitForText(By.id("audit"), "Rule tables: publish");
        browser.click("language");
        browser.waitForText(By.id("language"), "English");

        browser.waitForText(By.id("audit"), "Regeltabellen: publiceren");
        assertThat(browser.waitFor(By.id("audit")).getText()).doesNotContain("Rule tables: publish");
        browser.screenshot("dutch-" + width + "-audit");

        browser.open("/ui/rule-tables");
        browser.waitFor(By.id("upload"));
        String upload = (String) browser.script("return arguments[0].innerText;", browser.present("upload"));
        assertThat(upload).contains("Bestand uploaden").doesNotContain("Upload File");
        browser.scrollTo("upload");
        assertThat(browser.insideWidth(browser.present("upload"))).as("the upload inside " + width + " px").isTrue();
        browser.screenshot("dutch-" + width + "-rule-tables");
    }
}
