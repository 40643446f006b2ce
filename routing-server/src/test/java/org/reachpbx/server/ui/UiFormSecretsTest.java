package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Secrets in the configuration forms (issue 17, defect 5): a user's PIN and a channel's password
 * are password fields, and no stored hash (PIN bcrypt, SIP HA1) is shown or editable anywhere in
 * the form, for an existing user or a new channel. A new channel's password is generated with a
 * button beside the field (defect 4), also on a phone in Dutch.
 */
class UiFormSecretsTest extends DemoTenantBrowserTest {

    /** Values of every input in the page that look like a stored hash (bcrypt or a hex HA1). */
    private static final String HASHES_SHOWN = "return Array.from(document.querySelectorAll('input, textarea'))"
            + ".map(i => i.value).filter(v => /\\$2[aby]\\$|^\\{bcrypt\\}|^[0-9a-f]{32,}$/i.test(v || ''));";

    @BeforeEach
    void startBrowser() {
        browser = UiBrowser.start(port);
    }

    @Test
    void anExistingUsersFormShowsThePinAsAnEmptyPasswordFieldAndNoHash() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/extensions");
        browser.cell("ext-grid", "201").click();
        browser.click("ext-edit");
        assertThat(browser.waitFor(By.id("f-pin")).getTagName()).isEqualTo("vaadin-password-field");
        assertThat(browser.all(By.id("f-pinHash"))).isEmpty();
        assertThat((java.util.List<?>) browser.script(HASHES_SHOWN)).isEmpty();
        assertThat(browser.pageText()).doesNotContain("$2a$", "{bcrypt}", "pinHash");
        browser.screenshot("secrets-user-form");
    }

    @Test
    void aNewChannelsFormHasAPasswordFieldAndNoHa1Fields() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/channels");
        browser.cell("ch-grid", "jansen-bureau");
        browser.click("ch-new");
        assertThat(browser.waitFor(By.id("f-password")).getTagName()).isEqualTo("vaadin-password-field");
        assertThat(browser.all(By.id("f-passwordHash"))).isEmpty();
        assertThat(browser.pageText()).doesNotContainIgnoringCase("ha1");
        browser.screenshot("secrets-new-channel-form");

        browser.open("/ui/config/channels");
        browser.cell("ch-grid", "jansen-bureau").click();
        browser.click("ch-edit");
        assertThat(browser.waitFor(By.id("f-password")).getTagName()).isEqualTo("vaadin-password-field");
        assertThat((java.util.List<?>) browser.script(HASHES_SHOWN)).isEmpty();
        assertThat(browser.pageText()).doesNotContainIgnoringCase("ha1");
    }

    /** Defects 4 and 5 on a phone (390 px) in Dutch: the password field and its generator fit and work. */
    @Test
    void onAPhoneInDutchANewChannelsPasswordIsGenerated() {
        newChannelsPasswordIsGenerated(390, 844, true);
    }

    /** The same on a phone in English. Screenshot {@code secrets-new-channel-generated-en-390}. */
    @Test
    void onAPhoneInEnglishANewChannelsPasswordIsGenerated() {
        newChannelsPasswordIsGenerated(390, 844, false);
    }

    /** The same on a desk (1440 px) in Dutch. Screenshot {@code secrets-new-channel-generated-nl-1440}. */
    @Test
    void inDutchAt1440ANewChannelsPasswordIsGenerated() {
        newChannelsPasswordIsGenerated(1440, 1000, true);
    }

    /** The same on a desk (1440 px) in English. Screenshot {@code secrets-new-channel-generated-en-1440}. */
    @Test
    void inEnglishAt1440ANewChannelsPasswordIsGenerated() {
        newChannelsPasswordIsGenerated(1440, 1000, false);
    }

    private void newChannelsPasswordIsGenerated(int width, int height, boolean dutch) {
        browser.login("tenantadmin", "demo-tenant").windowSize(width, height);
        browser.open("/ui/config/channels");
        browser.cell("ch-grid", "jansen-bureau");
        if (dutch) {
            browser.click("language");
            browser.waitForText(By.id("language"), "English");
            browser.cell("ch-grid", "jansen-bureau");
        }
        browser.click("ch-new");
        assertThat(browser.waitFor(By.id("f-password")).getTagName()).isEqualTo("vaadin-password-field");
        assertThat(browser.all(By.id("f-passwordHash"))).isEmpty();
        browser.waitForText(By.id("f-password-generate"), dutch ? "Wachtwoord genereren" : "Generate password");
        browser.scrollTo("f-password-generate");
        assertThat(browser.insideWidth(browser.present("f-password-generate"))).as("the generator inside " + width + " px").isTrue();
        assertThat(browser.insideWidth(browser.present("f-password"))).as("the password inside " + width + " px").isTrue();
        browser.click("f-password-generate");
        String generated = valueOtherThan("f-password", "");
        assertThat(generated).hasSize(20).matches("[A-Za-z0-9]+");
        browser.click("f-password-generate");
        assertThat(valueOtherThan("f-password", generated)).as("a new one each time").hasSize(20);
        assertThat(browser.pageText()).doesNotContainIgnoringCase("ha1");
        browser.screenshot("secrets-new-channel-generated-" + (dutch ? "nl" : "en") + "-" + width);
    }

    /** The field's value once the server has set it to something other than {@code old}. */
    private String valueOtherThan(String id, String old) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> browser.property(id, "value") instanceof String v && !v.isEmpty() && !v.equals(old) ? v : null);
    }
}
