package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.access.UiUser;
import org.reachpbx.directory.access.UiUsers;
import org.reachpbx.directory.store.TenantStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** UI user management in a real browser: a tenant admin creates an end user, who then logs in; disabling. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiUsersTest {

    @LocalServerPort
    int port;

    @Autowired
    UiUsers users;

    @Autowired
    TenantStore store;

    @Autowired
    PasswordEncoder encoder;

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
    void theTenantAdminCreatesAnEndUserWhoThenLogsInToTheOwnReach() {
        long demo = store.list().stream().filter(t -> t.name().equals("Demo BV")).findFirst().orElseThrow().id();
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        browser.open("/ui/ui-users");
        browser.waitForText(By.id("ui-users"), "piet");
        // a tenant admin sees only the own tenant's logins
        assertThat(browser.waitFor(By.id("ui-users")).getText()).contains("tenantadmin").doesNotContain("analyst");

        browser.click(By.id("user-new"));
        browser.type(By.id("user-name"), "bakker");
        browser.type(By.id("user-password"), "bakker-secret-1");
        browser.choose(By.id("user-role"), "End user"); // roles by their labels (issue 17, defect 2)
        browser.choose(By.id("user-extension"), "202");
        browser.screenshot("users-new");
        browser.click(By.id("user-save"));
        browser.waitForText(By.id("user-status"), "User bakker is saved.");

        UiUser bakker = users.find("bakker").orElseThrow();
        assertThat(bakker.getRole()).isEqualTo(UiRole.END_USER);
        assertThat(bakker.getTenantId()).isEqualTo(demo);
        assertThat(bakker.getExtension()).isEqualTo("202");
        assertThat(bakker.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("bakker-secret-1");
        assertThat(encoder.matches("bakker-secret-1", bakker.getPasswordHash())).isTrue();
        assertThat(audit.latest(5)).anyMatch(e -> e.getAction().equals("UI users: create")
                && e.getDetail().startsWith("bakker END_USER extension 202") && !e.getDetail().contains("secret"));
        browser.screenshot("users-created");

        browser.close();
        browser = UiBrowser.start(port).login("bakker", "bakker-secret-1");
        browser.waitForText(By.id("current-user"), "bakker (End user)");
        browser.waitForText(By.id("reach-profiles"), "Standaard");
        browser.screenshot("users-new-login");
    }

    @Test
    void theAdminDisablesALoginAndItIsRefused() {
        users.createIfAbsent("tempanalyst", "temp-pass-1", UiRole.ANALYST, null, encoder);
        browser = UiBrowser.start(port).login("admin", "demo-admin");
        browser.open("/ui/ui-users");
        browser.waitForText(By.id("ui-users"), "tempanalyst");
        browser.click(By.xpath("//vaadin-grid[@id='ui-users']/vaadin-grid-cell-content[text()='tempanalyst']"));
        browser.waitForValue(By.id("user-name"), "tempanalyst");
        browser.script("document.querySelector('#user-enabled input').click();"); // the native input is visually hidden
        browser.waitFor(By.cssSelector("#user-enabled:not([checked])"));
        browser.click(By.id("user-save"));
        browser.waitForText(By.id("user-status"), "User tempanalyst is saved.");
        assertThat(users.find("tempanalyst").orElseThrow().isEnabled()).isFalse();

        browser.close();
        browser = UiBrowser.start(port);
        browser.open("/ui/login");
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("tempanalyst");
        browser.all(By.cssSelector("vaadin-login-form input[name='password']")).get(0)
                .sendKeys("temp-pass-1", org.openqa.selenium.Keys.ENTER);
        browser.waitFor(By.cssSelector("vaadin-login-form[error]"));
        browser.screenshot("users-disabled-refused");
    }

    @Test
    void theUsersListSortsByAHeaderClickAndNarrowsByItsFilter() {
        browser = UiBrowser.start(port).login("admin", "demo-admin");
        browser.open("/ui/ui-users");
        browser.waitForText(By.id("ui-users"), "tenantadmin");
        java.util.List<String> shown = browser.waitForColumn("ui-users", 0, texts -> texts.contains("tenantadmin"));
        java.util.List<String> ascending = shown.stream().sorted().toList();
        java.util.List<String> descending = shown.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        assertThat(shown).hasSizeGreaterThan(2).contains("analyst", "piet", "tenantadmin");

        browser.sortBy("ui-users", "Login");
        assertThat(browser.waitForColumn("ui-users", 0, ascending::equals)).isEqualTo(ascending);
        browser.sortBy("ui-users", "Login");
        assertThat(browser.waitForColumn("ui-users", 0, descending::equals)).first().isEqualTo(descending.get(0));
        assertThat(descending).isNotEqualTo(shown); // the grid changed its order on the click, not the server's list
        browser.screenshot("users-sorted-descending");

        browser.type(By.id("ui-users-filter"), "PIET");
        java.util.List<String> narrowed = browser.waitForColumn("ui-users", 0, texts -> texts.size() < shown.size());
        assertThat(narrowed).contains("piet").allMatch(name -> name.contains("piet"));
        browser.screenshot("users-filtered");
        browser.type(By.id("ui-users-filter"), "End user"); // the role is searched too, by its label
        assertThat(browser.waitForColumn("ui-users", 1, texts -> !texts.isEmpty() && texts.stream()
                .allMatch("End user"::equals))).contains("End user");
    }
}
