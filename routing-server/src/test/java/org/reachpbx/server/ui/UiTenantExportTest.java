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

    @Test
    void theAdminDownloadsTheTenantAsYamlAndItsUsersAsCsv() throws IOException {
        browser = UiBrowser.start(port).login("admin", "demo-admin");
        browser.waitForText(By.id("tenants"), "Demo BV");
        browser.click(By.xpath("//vaadin-grid[@id='tenants']/vaadin-grid-cell-content[text()='Demo BV']"));

        WebElement yaml = browser.inView(By.id("tenant-export"));
        assertThat(yaml.getAttribute("download")).isNotNull();
        assertThat(yaml.getAttribute("href")).contains("Demo-BV.yaml");
        assertThat(fetch(yaml)).isEqualTo(store.exportYaml(demo).orElseThrow()).startsWith("name: Demo BV");

        WebElement users = browser.inView(By.id("users-csv-export"));
        assertThat(fetch(users)).startsWith("number,name,licence,language,areaCode,pin").contains("201,Dhr. Jansen,COMPLEET");
        browser.screenshot("tenant-export");

        browser.upload(By.id("users-csv-import"), Files.writeString(files.resolve("users.csv"),
                "number,name,licence\n202,Changed Name,PRO\n203,Other Name,GOLD\n"));
        browser.waitForText(By.id("bulk-csv-status"), "Nothing was stored");
        browser.waitForText(By.id("bulk-csv-problems"), "Row 3: licence \"GOLD\"");
        assertThat(export()).isEqualTo(original);

        browser.upload(By.id("users-csv-import"), Files.writeString(files.resolve("users-ok.csv"),
                "number,name\n202,Changed Name\n"));
        browser.waitForText(By.id("bulk-csv-status"), "1 row(s) stored in Demo BV");
        assertThat(export()).contains("name: Changed Name");
        browser.screenshot("tenant-csv-import");
    }

    /** The download's text, fetched by the browser with its session, as a click on the link would. */
    private String fetch(WebElement link) {
        return (String) browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0].href).then(r => r.text()).then(done);", link);
    }
}
