package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.reachpbx.directory.access.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;

/** The extensions editor in a real browser: create through the form, inline violations, read-only analysts. */
class UiExtensionsTest extends DemoTenantBrowserTest {

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void startBrowser() {
        browser = UiBrowser.start(port);
    }

    @Test
    void aTenantAdminCreatesAUserThroughTheForm() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/extensions");
        browser.cell("ext-grid", "201");
        browser.click("ext-new");
        browser.type("f-number", "299");
        browser.type("f-name", "Nieuwe Collega");
        browser.type("f-pin", "4826");
        // the user's devices are rows of fields: add one
        browser.click("f-devices-add");
        browser.type("f-devices-0-name", "Werkplek");
        browser.choose("f-devices-0-type", "Desktop client");   // shown by its label, stored as DESKTOP
        browser.screenshot("extensions-new-user-form");
        browser.click("item-save");
        try {
            browser.cell("ext-grid", "Nieuwe Collega");
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("extensions-new-user-not-saved");
            throw new AssertionError("not saved: " + browser.pageText(), e);
        }
        browser.screenshot("extensions-new-user-saved");

        assertThat(export()).contains("number: \"299\"", "name: Nieuwe Collega")
                .containsPattern("name: Nieuwe Collega[\\s\\S]*- name: Werkplek\\s+type: DESKTOP");
        assertThat(audit.latest(20)).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("Extensions: create");
            assertThat(e.getDetail()).contains("user 299");
        });
    }

    /**
     * Issue 17: in Dutch (1440 px) the validator's reasons at the form's fields are Dutch too, the
     * standard field constraints ("must not be blank") included. Screenshot {@code extensions-nl-1440-violations}.
     */
    @Test
    void inDutchAt1440TheReasonsAtTheFieldsAreDutch() {
        browser.login("admin", "demo-admin").windowSize(1440, 1000);
        browser.click("language");
        browser.waitForText(By.id("language"), "English");
        browser.open("/ui/config/extensions");
        browser.cell("ext-grid", "201");
        browser.click("ext-new");
        browser.type("f-number", "201");
        browser.type("f-pin", "1234");
        browser.click("item-save");
        browser.waitForAttribute("f-number", "invalid", true);
        assertThat(browser.waitForErrorMessage("f-number", "al in gebruik"))
                .isEqualTo("toestelnummer 201 is al in gebruik bij een ander toestel van deze klant");
        assertThat(browser.waitForErrorMessage("f-name", "leeg")).isEqualTo("mag niet leeg zijn");
        assertThat(browser.waitForErrorMessage("f-pin", "onveilig")).isEqualTo("is onveilig: een reeks opeenvolgende cijfers");
        assertThat(browser.insideWidth(browser.inView(By.id("f-pin")))).as("the PIN and its reason inside 1440 px").isTrue();
        browser.screenshot("extensions-nl-1440-violations");
        assertThat(export()).isEqualTo(original);
    }

    @Test
    void aDuplicateNumberAndAnEmptyNameAreShownAtTheirFieldsAndNothingIsStored() {
        browser.login("admin", "demo-admin");
        browser.open("/ui/config/extensions");
        browser.cell("ext-grid", "201");
        browser.click("ext-new");
        browser.type("f-number", "201");
        browser.click("item-save");
        browser.waitForAttribute("f-number", "invalid", true);
        browser.screenshot("extensions-inline-violations");
        WebElement name = browser.waitFor(By.id("f-name"));
        assertThat(browser.waitForErrorMessage("f-number", "already used")).contains("201");
        assertThat(name.getAttribute("invalid")).isNotNull();
        assertThat(browser.waitForErrorMessage("f-name", "blank")).isNotBlank();
        browser.screenshot("extensions-inline-violations");
        assertThat(export()).isEqualTo(original);

        // corrected, it saves
        browser.type("f-number", "298");
        browser.type("f-name", "Correct");
        browser.type("f-pin", "4826");
        browser.click("item-save");
        browser.cell("ext-grid", "Correct");
        assertThat(export()).contains("number: \"298\"");
    }

    @Test
    void theTypeFilterAndTheTextFilterNarrowTheList() {
        browser.login("admin", "demo-admin");
        browser.open("/ui/config/extensions");
        browser.cell("ext-grid", "201");
        browser.choose("ext-type", "Group");
        browser.waitForNoText(By.id("ext-grid"), "User");
        String groups = browser.waitFor(By.id("ext-grid")).getText();
        assertThat(groups).contains("Group").doesNotContain("Voicemail");
        browser.screenshot("extensions-type-filter");

        // a group's form holds all of its fields, its forwards as YAML
        WebElement first = browser.all(By.xpath("//vaadin-grid[@id='ext-grid']/vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().matches("\\d{3,5}")).findFirst().orElseThrow();
        browser.doubleClick(first);
        browser.waitFor(By.id("f-members"));
        assertThat(browser.all(By.id("f-internalForwards"))).hasSize(1);
        assertThat(browser.all(By.id("f-forwardCallerId"))).hasSize(1);
        browser.click("item-cancel");
    }

    @Test
    void theNumbersListShowsOwners() {
        browser.login("admin", "demo-admin");
        browser.open("/ui/config/extensions");
        browser.cell("num-grid", "+31201110000");
        assertThat(browser.waitFor(By.id("num-grid")).getText()).contains("FIXED");
        browser.screenshot("extensions-numbers");
    }

    @Test
    void anAnalystSeesTheEditorsReadOnly() {
        browser.login("analyst", "demo-analyst");
        browser.open("/ui/config/extensions");
        WebElement cell = browser.cell("ext-grid", "201");
        assertThat(browser.all(By.id("ext-new"))).isEmpty();
        assertThat(browser.all(By.id("ext-delete"))).isEmpty();
        browser.doubleClick(cell);
        browser.waitFor(By.id("f-name"));
        assertThat(browser.all(By.id("item-save"))).isEmpty();
        assertThat(browser.waitFor(By.id("f-name")).getAttribute("readonly")).isNotNull();
        browser.screenshot("analyst-extension-read-only");
        browser.click("item-cancel");

        browser.open("/ui/config/number-plans");
        browser.waitFor(By.id("week-MONDAY-8"));
        assertThat(browser.all(By.id("np-override-set"))).isEmpty();
        assertThat(browser.absentOrHidden("np-h-add")).isTrue();

        browser.open("/ui/config/account");
        browser.waitFor(By.id("acc-fallback"));
        assertThat(browser.absentOrHidden("acc-save")).isTrue();
        assertThat(browser.waitFor(By.id("acc-fallback")).getAttribute("readonly")).isNotNull();
        browser.screenshot("analyst-account-read-only");
        assertThat(export()).isEqualTo(original);
    }
}
