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
        assertThat(browser.all(By.cssSelector("link[rel='icon']"))).as("a favicon").isNotEmpty();
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
        assertThat(browser.pageText()).contains("Tenants", "Audit", "admin (Platform admin)");
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
        assertThat(browser.pageText()).contains("tenantadmin (Tenant admin)", "Audit");

        browser.open("/ui/audit");
        browser.waitForText(By.id("audit"), "user 205 added");
        assertThat(browser.all(By.id("audit")).get(0).getText()).doesNotContain("another tenant's change");
        browser.screenshot("tenantadmin-audit");

        browser.open("/ui/");
        browser.waitForText(By.id("tenants"), "Demo BV");

        browser.waitFor(By.xpath("//vaadin-grid[@id='tenants']/vaadin-grid-cell-content[text()='Demo BV']")).click();
        // types by their labels, not their constants (issue 17, defect 2)
        browser.waitForText(By.id("extensions"), "User");
        assertThat(browser.waitFor(By.id("extensions")).getText()).contains("201").doesNotContain("USER");
        browser.screenshot("tenantadmin-tenants");
    }

    @Test
    void theAnalystCannotOpenTheAuditTrail() {
        browser.login("analyst", "demo-analyst");
        assertThat(browser.pageText()).contains("analyst (Analyst)").doesNotContain("Audit");

        browser.open("/ui/audit");
        // A page that says so, in the user's own frame (issue 17, defect 9)
        browser.waitForText(By.id("not-allowed-text"), "Your role Analyst may not open 'audit'");
        assertThat(browser.pageText()).contains("Not allowed", "analyst (Analyst)");
        assertThat(browser.all(By.id("audit"))).isEmpty();
        browser.screenshot("analyst-audit-refused");
    }

    /**
     * Defect 9 in Dutch, on a phone (390 px) and at 1440 px: the refused view says so in Dutch,
     * naming the role by its Dutch label, inside the width. Screenshots {@code analyst-audit-refused-nl-*}.
     */
    @Test
    void theAnalystIsToldInDutchOnAPhoneAndADesk() {
        browser.login("analyst", "demo-analyst").windowSize(390, 844);
        browser.click("language");
        browser.waitForText(By.id("language"), "English");

        browser.open("/ui/audit");
        browser.waitForText(By.id("not-allowed-text"), "Uw rol Analist mag 'audit' niet openen");
        assertThat(browser.pageText()).contains("Geen toegang").doesNotContain("Not allowed", "Could not navigate");
        assertThat(browser.all(By.id("audit"))).isEmpty();
        assertThat(browser.insideWidth(browser.waitFor(By.id("not-allowed-text")))).as("the text inside 390 px").isTrue();
        browser.screenshot("analyst-audit-refused-nl-390");

        browser.windowSize(1440, 1000);
        browser.waitForText(By.id("not-allowed-text"), "Uw rol Analist mag 'audit' niet openen");
        assertThat(browser.insideWidth(browser.waitFor(By.id("not-allowed-text")))).isTrue();
        browser.screenshot("analyst-audit-refused-nl-1440");
    }

    /** Issue 17, defect 1: at 390 px (a phone) Log out and the language switch are on the screen and work. */
    @Test
    void onAPhoneTheHeaderButtonsAreOnTheScreen() {
        browser.login("tenantadmin", "demo-tenant").windowSize(390, 844);
        browser.open("/ui/outbox");
        org.openqa.selenium.WebElement language = browser.waitFor(By.id("language"));
        org.openqa.selenium.WebElement logout = browser.waitFor(By.id("logout"));
        browser.screenshot("header-390px");
        assertThat(browser.insideWidth(language)).as("the language button is on the screen").isTrue();
        assertThat(browser.insideWidth(logout)).as("Log out is on the screen").isTrue();
        logout.click();
        // Logged out (the browser leaves the page): the admin UI asks for a login again.
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/ui/outbox"));
        browser.open("/ui/");
        browser.waitFor(By.tagName("vaadin-login-form"));
        assertThat(browser.url()).contains("/ui/login");
    }
}
