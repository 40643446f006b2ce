package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.rules.tables.TableName;
import org.reachpbx.rules.tables.TableRegistry;
import org.reachpbx.rules.tables.TableSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The analyst tables in a real browser: upload a draft, publish it, roll back; a broken upload. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiRuleTablesTest {

    @LocalServerPort
    int port;

    @Autowired
    TableRegistry registry;

    @Autowired
    AuditTrail audit;

    @TempDir
    Path files;

    UiBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String timeouts(String digitEntry) {
        String text = TableSet.defaults().text(TableName.DEFAULT_TIMEOUTS).orElseThrow();
        return text.replaceFirst("DIGIT_ENTRY,\\d+,", "DIGIT_ENTRY," + digitEntry + ",");
    }

    private Path file(String text) throws IOException {
        return Files.writeString(files.resolve("default-timeouts.csv"), text);
    }

    @Test
    void theAnalystUploadsPublishesAndRollsBackADraft() throws IOException {
        int before = registry.activeVersion();
        browser = UiBrowser.start(port).login("analyst", "demo-analyst");
        browser.open("/ui/rule-tables");
        browser.waitForText(By.id("versions"), "PUBLISHED");

        browser.upload(By.id("upload"), file(timeouts("17")));
        browser.waitForText(By.id("table-status"), "created. No problems.");
        browser.waitForText(By.id("rows"), "17");
        int draft = registry.list().stream().mapToInt(v -> v.version()).max().orElseThrow();
        browser.screenshot("rule-tables-draft");

        browser.waitFor(By.id("publish")).click();
        browser.waitForText(By.id("table-status"), "Version " + draft + " is published and active.");
        assertThat(registry.activeVersion()).isEqualTo(draft);
        browser.screenshot("rule-tables-published");

        browser.waitFor(By.id("rollback")).click();
        browser.waitForText(By.id("table-status"), "Rolled back from version " + draft + " to version " + before);
        assertThat(registry.activeVersion()).isEqualTo(before);
        browser.screenshot("rule-tables-rolled-back");

        assertThat(audit.latest(10)).extracting(e -> e.getUsername() + " " + e.getAction() + " " + e.getDetail())
                .contains("analyst Rule tables: publish version " + draft,
                        "analyst Rule tables: roll back from version " + draft + " to version " + before);
    }

    @Test
    void aBrokenTableShowsItsProblemsPerRowAndCannotBePublished() throws IOException {
        int before = registry.activeVersion();
        browser = UiBrowser.start(port).login("admin", "demo-admin");
        browser.open("/ui/rule-tables");
        browser.waitForText(By.id("versions"), "PUBLISHED");

        browser.upload(By.id("upload"), file(timeouts("soon")));
        browser.waitForText(By.id("table-status"), "problem(s)");
        String problems = browser.waitFor(By.id("violations")).getText();
        assertThat(problems).contains("default-timeouts", "seconds");
        browser.screenshot("rule-tables-validation-error");

        browser.waitFor(By.id("publish")).click();
        browser.waitForText(By.id("table-status"), "cannot be published");
        assertThat(registry.activeVersion()).isEqualTo(before);
    }
}
