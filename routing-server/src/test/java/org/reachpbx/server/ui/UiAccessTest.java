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

    /** A wrong password is refused, on a desk (1440 px) and on a phone (390 px), in English. Screenshots {@code login-refused-en-*}. */
    @Test
    void aWrongPasswordIsRefused() {
        wrongPasswordRefused("en", 1440, 1000, "Log in", "Incorrect username or password");
        wrongPasswordRefused("en", 390, 844, "Log in", "Incorrect username or password");
    }

    /**
     * Issue 17, defect 2: a browser set to Dutch gets the login page and its refusal in Dutch, on a
     * desk and on a phone. Screenshots {@code login-refused-nl-*}.
     */
    @Test
    void aDutchBrowserIsRefusedInDutch() {
        browser.close();
        browser = UiBrowser.start(port, "nl");
        wrongPasswordRefused("nl", 1440, 1000, "Inloggen", "Onjuiste gebruikersnaam of wachtwoord");
        wrongPasswordRefused("nl", 390, 844, "Inloggen", "Onjuiste gebruikersnaam of wachtwoord");
    }

    private void wrongPasswordRefused(String language, int width, int height, String submit, String refusal) {
        browser.windowSize(width, height).open("/ui/login");
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("nobody-" + language);
        browser.all(By.cssSelector("vaadin-login-form input[name='password']")).get(0)
                .sendKeys("wrong", org.openqa.selenium.Keys.ENTER);
        org.openqa.selenium.WebElement form = browser.waitFor(By.cssSelector("vaadin-login-form[error]"));
        assertThat(browser.url()).contains("/ui/login");
        // the form's texts, the refusal it shows included, as the server gave them for the browser's language
        assertThat(browser.script("const i = arguments[0].i18n; return [i.form.submit, i.errorMessage.title];", form))
                .asList().containsExactly(submit, refusal);
        // the form's button with that text (light DOM, or the wrapper's shadow DOM as the Vaadin version has it)
        Object button = browser.script("const f = arguments[0], text = arguments[1];"
                + " const w = f.querySelector('vaadin-login-form-wrapper') || (f.shadowRoot && f.shadowRoot.querySelector('vaadin-login-form-wrapper'));"
                + " const all = Array.from(f.querySelectorAll('vaadin-button'))"
                + "   .concat(w && w.shadowRoot ? Array.from(w.shadowRoot.querySelectorAll('vaadin-button')) : []);"
                + " return all.find(b => (b.innerText || b.textContent).trim() === text) || null;", form, submit);
        assertThat(button).as("the login button saying " + submit).isInstanceOf(org.openqa.selenium.WebElement.class);
        assertThat(browser.insideWidth((org.openqa.selenium.WebElement) button)).as("the login button inside " + width + " px").isTrue();
        browser.screenshot("login-refused-" + language + "-" + width);
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
        refusedViewSaysSo(true, "Uw rol Analist mag 'audit' niet openen", "Geen toegang", "Not allowed");
    }

    /** The same in English, on a phone (390 px) and at 1440 px. Screenshots {@code analyst-audit-refused-en-*}. */
    @Test
    void theAnalystIsToldInEnglishOnAPhoneAndADesk() {
        refusedViewSaysSo(false, "Your role Analyst may not open 'audit'", "Not allowed", "Geen toegang");
    }

    private void refusedViewSaysSo(boolean dutch, String text, String title, String otherTitle) {
        String language = dutch ? "nl" : "en";
        browser.login("analyst", "demo-analyst").windowSize(390, 844);
        if (dutch) {
            browser.click("language");
            browser.waitForText(By.id("language"), "English");
        }

        browser.open("/ui/audit");
        browser.waitForText(By.id("not-allowed-text"), text);
        assertThat(browser.pageText()).contains(title).doesNotContain(otherTitle, "Could not navigate");
        assertThat(browser.all(By.id("audit"))).isEmpty();
        assertThat(browser.insideWidth(browser.waitFor(By.id("not-allowed-text")))).as("the text inside 390 px").isTrue();
        browser.screenshot("analyst-audit-refused-" + language + "-390");

        browser.windowSize(1440, 1000);
        browser.waitForText(By.id("not-allowed-text"), text);
        assertThat(browser.insideWidth(browser.waitFor(By.id("not-allowed-text")))).isTrue();
        browser.screenshot("analyst-audit-refused-" + language + "-1440");
    }

    /** Issue 17, defect 1: at 390 px (a phone) Log out and the language switch are on the screen and work. */
    @Test
    void onAPhoneTheHeaderButtonsAreOnTheScreen() {
        headerButtonsOnTheScreenAndWorking(390, 844, false);
    }

    /** The same in Dutch, whose button texts are longer. Screenshot {@code header-nl-390px}. */
    @Test
    void inDutchOnAPhoneTheHeaderButtonsAreOnTheScreen() {
        headerButtonsOnTheScreenAndWorking(390, 844, true);
    }

    /** The same on a desk (1440 px), in English and in Dutch. Screenshots {@code header-1440px}, {@code header-nl-1440px}. */
    @Test
    void at1440TheHeaderButtonsAreOnTheScreenInEnglishAndDutch() {
        headerButtonsOnTheScreenAndWorking(1440, 1000, false);
        browser.close();
        browser = UiBrowser.start(port);
        headerButtonsOnTheScreenAndWorking(1440, 1000, true);
    }

    private void headerButtonsOnTheScreenAndWorking(int width, int height, boolean dutch) {
        browser.login("tenantadmin", "demo-tenant").windowSize(width, height);
        browser.open("/ui/outbox");
        if (dutch) {
            browser.click("language");
            browser.waitForText(By.id("language"), "English");
            browser.waitForText(By.id("logout"), "Afmelden");
        }
        org.openqa.selenium.WebElement language = browser.waitFor(By.id("language"));
        org.openqa.selenium.WebElement logout = browser.waitFor(By.id("logout"));
        browser.screenshot("header-" + (dutch ? "nl-" : "") + width + "px");
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
