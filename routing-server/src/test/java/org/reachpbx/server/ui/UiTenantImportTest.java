package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.directory.store.TenantStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Importing a tenant's YAML in the browser: created with progress shown, refused with its problems, own tenant only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiTenantImportTest {

    static final String TENANT = """
            name: Import BV
            sipDomain: import.reachpbx.test
            extensionLength: 3
            emergencyFallbackCallerId: "0401234000"
            numbers:
              - number: "0401234000"
            users:
              - number: "201"
                name: Ida Import
                pin: "4827"
            numberPlanSchemas:
              - number: 1
                name: Import BV
                plans:
                  - number: 1
                    name: Open
                    entries:
                      - {number: "0401234000", extension: "201"}
                schedule:
                  - {fromDay: MONDAY, from: "00:00", toDay: SUNDAY, to: "24:00", plan: 1}
            """;

    @LocalServerPort
    int port;
    @Autowired
    TenantStore store;
    @Autowired
    AuditTrail audit;
    @TempDir
    Path files;

    UiBrowser browser;

    @BeforeEach
    void startBrowser() {
        browser = UiBrowser.start(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    Path yaml(String name, String text) throws IOException {
        return Files.writeString(files.resolve(name), text);
    }

    @Test
    void thePlatformAdminImportsATenant() throws IOException {
        browser.login("admin", "demo-admin");
        browser.upload(By.id("tenant-import"), yaml("import.yaml", TENANT));

        browser.waitForText(By.id("tenant-import-status"), "Tenant Import BV created");
        browser.waitForText(By.id("tenants"), "import.reachpbx.test");
        assertThat(store.list()).anySatisfy(t -> assertThat(t.name()).isEqualTo("Import BV"));
        assertThat(audit.latest(20)).anySatisfy(e -> assertThat(e.getAction()).isEqualTo("Tenants: import"));
        browser.screenshot("tenant-import-created");
    }

    @Test
    void anInvalidDocumentStoresNothingAndSaysWhy() throws IOException {
        long before = store.list().size();
        browser.login("admin", "demo-admin");
        browser.upload(By.id("tenant-import"), yaml("broken.yaml",
                TENANT.replace("Import BV", "Broken BV").replace("import.reachpbx", "broken.reachpbx")
                        .replace("0401234000", "0401234888").replace("extensionLength: 3", "extensionLength: 7")));

        browser.waitForText(By.id("tenant-import-status"), "Nothing was stored");
        browser.waitForText(By.id("tenant-import-problems"), "extensionLength");
        assertThat(store.list()).hasSize((int) before);
        browser.screenshot("tenant-import-invalid");
    }

    @Test
    void aTenantAdminMayNotImportAnotherTenant() throws IOException {
        browser.login("tenantadmin", "demo-tenant");
        browser.upload(By.id("tenant-import"), yaml("other.yaml",
                TENANT.replace("Import BV", "Other BV").replace("import.reachpbx", "other.reachpbx")
                        .replace("0401234000", "0401234999")));

        browser.waitForText(By.id("tenant-import-status"), "only import your own tenant");
        assertThat(store.list()).noneSatisfy(t -> assertThat(t.name()).isEqualTo("Other BV"));
    }
}
