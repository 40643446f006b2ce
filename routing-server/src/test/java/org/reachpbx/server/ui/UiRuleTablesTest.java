package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reachpbx.rules.tables.TableState;
import org.reachpbx.rules.tables.TableVersion;
import org.reachpbx.ui.tables.CsvRows;
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
        browser.waitForText(By.id("versions"), "published");

        browser.upload(By.id("upload"), file(timeouts("17")));
        browser.waitForText(By.id("table-status"), "created. No problems.");
        browser.waitForText(By.id("rows"), "17");
        int draft = registry.list().stream().mapToInt(v -> v.version()).max().orElseThrow();
        browser.screenshot("rule-tables-draft");

        // Shared by every tenant: Publish asks first; Cancel changes nothing (issue 17, defect 6).
        browser.waitFor(By.id("publish")).click();
        browser.waitForText(By.id("confirm-delete-text"), "Version " + draft + " becomes the active rule tables of every tenant");
        browser.screenshot("rule-tables-confirm-publish");
        browser.waitFor(By.id("confirm-delete-cancel")).click();
        browser.waitForGone(By.id("confirm-delete"));
        assertThat(registry.activeVersion()).isNotEqualTo(draft);
        browser.waitFor(By.id("publish")).click();
        browser.waitFor(By.id("confirm-delete-ok")).click();
        browser.waitForText(By.id("table-status"), "Version " + draft + " is published and active.");
        assertThat(registry.activeVersion()).isEqualTo(draft);
        browser.screenshot("rule-tables-published");

        // roll back goes to the newest earlier published version (another test may have published one after "before")
        int previous = registry.list().stream().filter(v -> v.state() == TableState.RETIRED && v.version() < draft)
                .mapToInt(TableVersion::version).max().orElseThrow();
        browser.waitFor(By.id("rollback")).click();
        browser.waitForText(By.id("confirm-delete-text"), "Active version " + draft + " is retired");
        browser.waitFor(By.id("confirm-delete-ok")).click();
        browser.waitForText(By.id("table-status"), "Rolled back from version " + draft + " to version " + previous);
        assertThat(registry.activeVersion()).isEqualTo(previous);
        browser.screenshot("rule-tables-rolled-back");

        assertThat(audit.latest(10)).extracting(e -> e.getUsername() + " " + e.getAction() + " " + e.getDetail())
                .contains("analyst Rule tables: publish version " + draft,
                        "analyst Rule tables: roll back from version " + draft + " to version " + previous);
    }

    /**
     * Issue 17, defect 6 in Dutch on a phone (390 px): Publish and Roll back ask first in Dutch,
     * naming the version and that every tenant is affected, their buttons inside the width.
     * Screenshots {@code rule-tables-nl-390-*}.
     */
    @Test
    void inDutchOnAPhonePublishAndRollBackAskFirst() throws IOException {
        publishAndRollBackAskFirst(390, 844, TablesWords.DUTCH);
    }

    /** The same in Dutch on a desk (1440 px). Screenshots {@code rule-tables-nl-1440-*}. */
    @Test
    void inDutchAt1440PublishAndRollBackAskFirst() throws IOException {
        publishAndRollBackAskFirst(1440, 1000, TablesWords.DUTCH);
    }

    /** The same in English on a phone (390 px). Screenshots {@code rule-tables-en-390-*}. */
    @Test
    void inEnglishOnAPhonePublishAndRollBackAskFirst() throws IOException {
        publishAndRollBackAskFirst(390, 844, TablesWords.ENGLISH);
    }

    /** The same in English on a desk (1440 px). Screenshots {@code rule-tables-en-1440-*}. */
    @Test
    void inEnglishAt1440PublishAndRollBackAskFirst() throws IOException {
        publishAndRollBackAskFirst(1440, 1000, TablesWords.ENGLISH);
    }

    /** What the rule tables' page says in one language; {@code %d} stands for a version. */
    private record TablesWords(String code, boolean switchLanguage, String published, String noProblems, String draftCreated,
                               String publishQuestion, String publishTitle, String publishButton, String cancel,
                               String nowPublished, String rollbackQuestion, String rollbackTitle, String rolledBack) {
        static final TablesWords ENGLISH = new TablesWords("en", false, "published", "No problems.", "Draft %d created.",
                "Version %d becomes the active rule tables of every tenant", "Publish for all tenants?", "Publish draft", "Cancel",
                "Version %d is published and active.", "Active version %d is retired", "Roll back for all tenants?",
                "Rolled back from version %d to version %d.");
        static final TablesWords DUTCH = new TablesWords("nl", true, "gepubliceerd", "Geen problemen.", "Concept %d gemaakt.",
                "Versie %d wordt in één keer de actieve regeltabellen van elke klant", "Publiceren voor alle klanten?",
                "Concept publiceren", "Annuleren", "Versie %d is gepubliceerd en actief.", "Actieve versie %d vervalt",
                "Terugdraaien voor alle klanten?", "Teruggezet van versie %d naar versie %d.");
    }

    private void publishAndRollBackAskFirst(int width, int height, TablesWords words) throws IOException {
        String px = width + " px";
        String shot = "rule-tables-" + words.code() + "-" + width;
        browser = UiBrowser.start(port).login("analyst", "demo-analyst").windowSize(width, height);
        browser.open("/ui/rule-tables");
        browser.waitForText(By.id("versions"), "published");
        if (words.switchLanguage()) {
            browser.click("language");
            browser.waitForText(By.id("language"), "English");
            browser.waitForText(By.id("versions"), words.published());
        }

        // the active table as it is: the version left behind retired routes like the active one, whatever runs next
        browser.upload(By.id("upload"), file(registry.get(registry.activeVersion()).tables().text(TableName.DEFAULT_TIMEOUTS).orElseThrow()));
        browser.waitForText(By.id("table-status"), words.noProblems());
        int draft = registry.list().stream().mapToInt(TableVersion::version).max().orElseThrow();
        browser.waitForText(By.id("table-status"), words.draftCreated().formatted(draft));

        browser.click(By.id("publish"));
        browser.waitForText(By.id("confirm-delete-text"), words.publishQuestion().formatted(draft));
        assertThat(browser.pageText()).contains(words.publishTitle());
        assertThat(browser.waitFor(By.id("confirm-delete-ok")).getText()).isEqualTo(words.publishButton());
        assertThat(browser.waitFor(By.id("confirm-delete-cancel")).getText()).isEqualTo(words.cancel());
        assertThat(browser.insideWidth(browser.waitFor(By.id("confirm-delete-ok")))).as("Publish inside " + px).isTrue();
        assertThat(browser.insideWidth(browser.waitFor(By.id("confirm-delete-cancel")))).as("Cancel inside " + px).isTrue();
        browser.screenshot(shot + "-confirm-publish");
        browser.click(By.id("confirm-delete-cancel"));
        browser.waitForGone(By.id("confirm-delete"));
        assertThat(registry.activeVersion()).isNotEqualTo(draft);
        browser.click(By.id("publish"));
        browser.click(By.id("confirm-delete-ok"));
        browser.waitForText(By.id("table-status"), words.nowPublished().formatted(draft));
        assertThat(registry.activeVersion()).isEqualTo(draft);

        int previous = registry.list().stream().filter(v -> v.state() == TableState.RETIRED && v.version() < draft)
                .mapToInt(TableVersion::version).max().orElseThrow();
        browser.click(By.id("rollback"));
        browser.waitForText(By.id("confirm-delete-text"), words.rollbackQuestion().formatted(draft));
        assertThat(browser.pageText()).contains(words.rollbackTitle());
        assertThat(browser.insideWidth(browser.waitFor(By.id("confirm-delete-ok")))).as("Roll back inside " + px).isTrue();
        browser.screenshot(shot + "-confirm-rollback");
        browser.click(By.id("confirm-delete-ok"));
        browser.waitForText(By.id("table-status"), words.rolledBack().formatted(draft, previous));
        assertThat(registry.activeVersion()).isEqualTo(previous);
        browser.screenshot(shot + "-rolled-back");
    }

    @Test
    void aBrokenTableShowsItsProblemsPerRowAndCannotBePublished() throws IOException {
        int before = registry.activeVersion();
        browser = UiBrowser.start(port).login("admin", "demo-admin");
        browser.open("/ui/rule-tables");
        browser.waitForText(By.id("versions"), "published");

        browser.upload(By.id("upload"), file(timeouts("soon")));
        browser.waitForText(By.id("table-status"), "problem(s)");
        String problems = browser.waitFor(By.id("violations")).getText();
        assertThat(problems).contains("default-timeouts", "seconds");
        browser.screenshot("rule-tables-validation-error");

        browser.waitFor(By.id("publish")).click();
        browser.waitFor(By.id("confirm-delete-ok")).click();
        browser.waitForText(By.id("table-status"), "cannot be published");
        assertThat(registry.activeVersion()).isEqualTo(before);
    }

    @Test
    void theAnalystEditsADraftInTheGridSeesTheDiffPublishesAndRollsBack() {
        int before = registry.activeVersion();
        String active = registry.get(before).tables().text(TableName.DEFAULT_TIMEOUTS).orElseThrow();
        // the description (column 2) is edited, so the version published here means the same as the active one
        List<String> row = CsvRows.parse(active).stream().filter(r -> r.get(0).equals("DIGIT_ENTRY")).findFirst()
                .orElseThrow();
        String digits = row.get(2);
        String changed = "Edited in the grid " + System.nanoTime();
        browser = UiBrowser.start(port).login("analyst", "demo-analyst");
        browser.open("/ui/rule-tables");
        browser.waitForText(By.id("versions"), "published");

        browser.click(By.id("draft-new"));
        browser.waitForText(By.id("table-status"), "created. No problems.");
        int draft = registry.list().stream().mapToInt(TableVersion::version).max().orElseThrow();
        browser.waitForText(By.id("diff-status"), "no changes");

        browser.doubleClick(By.xpath("//vaadin-grid[@id='rows']/vaadin-grid-cell-content[text()='DIGIT_ENTRY']"));
        browser.type(By.id("cell-edit-2"), changed);
        // a row added and removed again leaves the table as it was
        int count = CsvRows.parse(active).size() - 1;
        browser.click(By.id("row-add"));
        browser.click(By.id("row-remove-" + count));
        browser.click(By.id("draft-save"));
        browser.waitForText(By.id("table-status"), "Draft " + draft + " saved. No problems.");
        assertThat(registry.get(draft).tables().text(TableName.DEFAULT_TIMEOUTS).orElseThrow())
                .contains("DIGIT_ENTRY," + row.get(1) + "," + changed);
        assertThat(registry.activeVersion()).isEqualTo(before);

        browser.waitForText(By.id("diff-status"), "1 change(s) of draft " + draft + " against version " + before);
        assertThat(browser.waitFor(By.id("diff")).getText()).contains("changed", "DIGIT_ENTRY", digits + " → " + changed);
        assertThat(browser.all(By.cssSelector("#diff span[data-change='changed']"))).isNotEmpty();
        browser.screenshot("rule-tables-diff");

        browser.click(By.id("publish"));
        browser.click(By.id("confirm-delete-ok"));
        browser.waitForText(By.id("table-status"), "Version " + draft + " is published and active.");
        assertThat(registry.activeVersion()).isEqualTo(draft);
        // roll back goes to the newest earlier published version: "before", or one another test published and rolled back since
        int previous = registry.list().stream().filter(v -> v.state() == TableState.RETIRED && v.version() < draft)
                .mapToInt(TableVersion::version).max().orElseThrow();
        browser.click(By.id("rollback"));
        browser.click(By.id("confirm-delete-ok"));
        browser.waitForText(By.id("table-status"), "Rolled back from version " + draft + " to version " + previous);
        assertThat(registry.activeVersion()).isEqualTo(previous);
        assertThat(audit.latest(10)).extracting(e -> e.getUsername() + " " + e.getAction() + " " + e.getDetail())
                .contains("analyst Rule tables: edit draft version " + draft + ", table default-timeouts, "
                        + (CsvRows.parse(active).size() - 1) + " rows");
    }

    @Test
    void anXlsxUploadBecomesADraftLikeACsv() throws IOException {
        String csv = timeouts("11");
        Path xlsx = files.resolve("default-timeouts.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("timeouts");
            List<List<String>> rows = CsvRows.parse(csv);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            try (var out = Files.newOutputStream(xlsx)) {
                book.write(out);
            }
        }
        browser = UiBrowser.start(port).login("analyst", "demo-analyst");
        browser.open("/ui/rule-tables");
        browser.waitForText(By.id("versions"), "published");
        browser.upload(By.id("upload"), xlsx);
        browser.waitForText(By.id("table-status"), "created. No problems.");
        int draft = registry.list().stream().mapToInt(TableVersion::version).max().orElseThrow();
        String stored = registry.get(draft).tables().text(TableName.DEFAULT_TIMEOUTS).orElseThrow();
        assertThat(stored).contains("DIGIT_ENTRY,11,");
        assertThat(CsvRows.parse(stored)).isEqualTo(CsvRows.parse(csv));
        browser.waitForText(By.id("diff"), "11");
        browser.screenshot("rule-tables-xlsx");
        registry.discardDraft(draft);
    }
}
