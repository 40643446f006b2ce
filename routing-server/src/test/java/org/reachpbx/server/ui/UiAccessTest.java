package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reachpbx.directory.access.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Logging in to the admin UI per role, in a real browser; what each role sees and may open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;
    @Autowired
    org.reachpbx.directory.store.TenantStore tenants;

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

    @Test
    void anUnknownVisitorIsSentToTheLoginPage() {
        browser.open("/ui/");
        browser.waitFor(By.tagName("vaadin-login-form"));
        assertThat(browser.url()).endsWith("/ui/login");
        browser.screenshot("login-page");
    }

    @Test
    void aWrongPasswordIsRefused() {
        browser.open("/ui/login");
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("admin");
        browser.all(By.cssSelector("vaadin-login-form input[name='password']")).get(0)
                .sendKeys("wrong", org.openqa.selenium.Keys.ENTER);
        browser.waitFor(By.cssSelector("vaadin-login-form[error]"));
        assertThat(browser.url()).contains("/ui/login");
        browser.screenshot("login-refused");
    }

    @Test
    void thePlatformAdminSeesAllTenantsAndTheAuditTrail() {
        audit.record("someone", null, "Rule tables: publish", "version 7");
        browser.login("admin", "demo-admin");
        browser.waitForText(By.id("tenants"), "Demo BV");
        assertThat(browser.pageText()).contains("Tenants", "Audit", "admin (PLATFORM_ADMIN)");
        browser.screenshot("admin-tenants");

        browser.open("/ui/audit");
        browser.waitForText(By.id("audit"), "Rule tables: publish");
        assertThat(browser.all(By.id("audit")).get(0).getText()).contains("someone", "version 7");
        browser.screenshot("admin-audit");
    }

    @Test
    void theTenantAdminSeesTheOwnTenantAndOnlyItsAudit() {
        long demo = tenants.list().stream().filter(t -> t.name().equals("Demo BV")).findFirst().orElseThrow().id();
        audit.record("tenantadmin", demo, "Extensions: save", "user 205 added");
        audit.record("someone-else", demo + 1000, "Extensions: save", "another tenant's change");
        browser.login("tenantadmin", "demo-tenant");
        browser.waitForText(By.id("tenants"), "Demo BV");
        assertThat(browser.pageText()).contains("tenantadmin (TENANT_ADMIN)", "Audit");

        browser.open("/ui/audit");
        browser.waitForText(By.id("audit"), "user 205 added");
        assertThat(browser.all(By.id("audit")).get(0).getText()).doesNotContain("another tenant's change");
        browser.screenshot("tenantadmin-audit");

        browser.open("/ui/");
        browser.waitForText(By.id("tenants"), "Demo BV");

        browser.waitFor(By.xpath("//vaadin-grid[@id='tenants']/vaadin-grid-cell-content[text()='Demo BV']")).click();
        browser.waitForText(By.id("extensions"), "USER");
        assertThat(browser.waitFor(By.id("extensions")).getText()).contains("201");
        browser.screenshot("tenantadmin-tenants");
    }

    @Test
    void theAnalystCannotOpenTheAuditTrail() {
        browser.login("analyst", "demo-analyst");
        assertThat(browser.pageText()).contains("analyst (ANALYST)").doesNotContain("Audit");

        browser.open("/ui/audit");
        browser.waitForText(By.tagName("body"), "Could not navigate to 'audit'");
        assertThat(browser.all(By.id("audit"))).isEmpty();
        browser.screenshot("analyst-audit-refused");
    }
}
