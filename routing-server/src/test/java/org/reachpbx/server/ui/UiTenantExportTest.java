package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Exporting a tenant from the tenants list (issue 17, defect 10): the YAML download is the store's
 * export, the users CSV downloads, and a CSV upload with a bad row stores nothing and names the row.
 */
class UiTenantExportTest extends DemoTenantBrowserTest {

    @TempDir
    Path files;

    /** Defect 10 in English on a desk (1440 px). Screenshots {@code tenant-export-1440}, {@code tenant-csv-import-1440}. */
    @Test
    void theAdminDownloadsTheTenantAsYamlAndItsUsersAsCsv() throws IOException {
        downloadsAndACsvImport(1440, 1000);
    }

    /** The same in English on a phone (390 px), the links and the answers inside the width. Screenshots {@code tenant-*-390}. */
    @Test
    void onAPhoneTheAdminDownloadsTheTenantAsYamlAndItsUsersAsCsv() throws IOException {
        downloadsAndACsvImport(390, 844);
    }

    private void downloadsAndACsvImport(int width, int height) throws IOException {
        String px = width + " px";
        browser = UiBrowser.start(port).login("admin", "demo-admin").windowSize(width, height);
        browser.waitForText(By.id("tenants"), "Demo BV");
        browser.click(By.xpath("//vaadin-grid[@id='tenants']/vaadin-grid-cell-content[text()='Demo BV']"));

        WebElement yaml = browser.inView(By.id("tenant-export"));
        assertThat(yaml.getAttribute("download")).isNotNull();
        assertThat(yaml.getAttribute("href")).contains("Demo-BV.yaml");
        assertThat(browser.insideWidth(yaml)).as("the YAML download inside " + px).isTrue();
        assertThat(fetch(yaml)).isEqualTo(store.exportYaml(demo).orElseThrow()).startsWith("name: Demo BV");

        WebElement users = browser.inView(By.id("users-csv-export"));
        assertThat(browser.insideWidth(users)).as("the users CSV inside " + px).isTrue();
        assertThat(fetch(users)).startsWith("number,name,licence,language,areaCode,pin").contains("201,Dhr. Jansen,COMPLEET");
        browser.screenshot("tenant-export-" + width);

        browser.upload(By.id("users-csv-import"), Files.writeString(files.resolve("users.csv"),
                "number,name,licence\n202,Changed Name,PRO\n203,Other Name,GOLD\n"));
        browser.waitForText(By.id("bulk-csv-status"), "Nothing was stored");
        browser.waitForText(By.id("bulk-csv-problems"), "Row 3: licence \"GOLD\"");
        assertThat(browser.insideWidth(browser.inView(By.id("bulk-csv-problems")))).as("the problems inside " + px).isTrue();
        browser.screenshot("tenant-csv-refused-" + width);
        assertThat(export()).isEqualTo(original);

        browser.upload(By.id("users-csv-import"), Files.writeString(files.resolve("users-ok.csv"),
                "number,name\n202,Changed Name\n"));
        browser.waitForText(By.id("bulk-csv-status"), "1 row(s) stored in Demo BV");
        assertThat(export()).contains("name: Changed Name");
        assertThat(browser.insideWidth(browser.inView(By.id("bulk-csv-status")))).as("the answer inside " + px).isTrue();
        browser.screenshot("tenant-csv-import-" + width);
    }

    /**
     * Defect 10 in Dutch on a phone (390 px): the download links and the CSV import speak Dutch,
     * lie inside the width, and a refused upload says in Dutch that nothing was stored and which
     * row is wrong, the column named in Dutch; a row the tenant validator refuses gives the
     * validator's reason in Dutch too. Screenshots {@code tenant-export-nl-390}, {@code tenant-csv-refused-nl-390-*}.
     */
    @Test
    void inDutchOnAPhoneTheTenantDownloadsAndARefusedCsvSaySo() throws IOException {
        downloadsAndARefusedCsvInDutch(390, 844);
    }

    /** The same in Dutch on a desk (1440 px). Screenshots {@code tenant-export-nl-1440}, {@code tenant-csv-refused-nl-1440-*}. */
    @Test
    void inDutchAt1440TheTenantDownloadsAndARefusedCsvSaySo() throws IOException {
        downloadsAndARefusedCsvInDutch(1440, 1000);
    }

    private void downloadsAndARefusedCsvInDutch(int width, int height) throws IOException {
        String px = width + " px";
        browser = UiBrowser.start(port).login("admin", "demo-admin").windowSize(width, height);
        browser.click("language");
        browser.waitForText(By.id("language"), "English");
        browser.waitForText(By.id("tenants"), "Demo BV");
        browser.click(By.xpath("//vaadin-grid[@id='tenants']/vaadin-grid-cell-content[text()='Demo BV']"));

        WebElement yaml = browser.inView(By.id("tenant-export"));
        assertThat(yaml.getText()).contains("Klant exporteren (YAML)");
        assertThat(browser.insideWidth(yaml)).as("the YAML download inside " + px).isTrue();
        assertThat(fetch(yaml)).isEqualTo(store.exportYaml(demo).orElseThrow());
        WebElement users = browser.inView(By.id("users-csv-export"));
        assertThat(users.getText()).contains("Gebruikers (CSV)");
        assertThat(browser.insideWidth(users)).as("the users CSV inside " + px).isTrue();
        assertThat(fetch(users)).startsWith("number,name,licence");
        browser.screenshot("tenant-export-nl-" + width);

        browser.upload(By.id("users-csv-import"), Files.writeString(files.resolve("users-nl.csv"),
                "number,name,licence\n202,Changed Name,PRO\n203,Other Name,GOLD\n"));
        browser.waitForText(By.id("bulk-csv-status"), "Er is niets opgeslagen");
        browser.waitForText(By.id("bulk-csv-problems"), "Rij 3: Licentie (licence) \"GOLD\" is niet een van START, PRO, COMPLEET");
        assertThat(browser.insideWidth(browser.inView(By.id("bulk-csv-status")))).isTrue();
        browser.screenshot("tenant-csv-refused-nl-" + width + "-cell");
        assertThat(export()).isEqualTo(original);

        // the tenant validator's reasons for a row: in Dutch, the column by its Dutch name
        browser.upload(By.id("users-csv-import"), Files.writeString(files.resolve("users-nl-pin.csv"),
                "number,areaCode,pin\n202,,4826\n203,12,1234\n"));
        browser.waitForText(By.id("bulk-csv-problems"), "Rij 3: Nieuwe pincode (pin) is onveilig: een reeks opeenvolgende cijfers");
        String problems = browser.waitFor(By.id("bulk-csv-problems")).getText();
        assertThat(problems).contains("Rij 3: Netnummer (areaCode) moet een Nederlands netnummer zijn, zoals 010 of 0546")
                .doesNotContain("insecure", "must be", "Dutch area code");
        assertThat(browser.waitFor(By.id("bulk-csv-status")).getText()).contains("Er is niets opgeslagen");
        assertThat(browser.insideWidth(browser.inView(By.id("bulk-csv-problems")))).as("the problems inside " + px).isTrue();
        browser.screenshot("tenant-csv-refused-nl-" + width + "-validation");
        assertThat(export()).isEqualTo(original);
    }

    /** The download's text, fetched by the browser with its session, as a click on the link would. */
    private String fetch(WebElement link) {
        return (String) browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0].href).then(r => r.text()).then(done);", link);
    }
}
