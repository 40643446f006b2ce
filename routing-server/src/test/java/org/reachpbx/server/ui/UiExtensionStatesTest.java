package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reachpbx.server.sip.b2bua.LiveCalls;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.ui.calls.LiveStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The extensions list shows each user's registration and busy state (issue 17), read for the whole
 * list at once and refreshed while the view is open: 202's desk phone registers, 203 gets a call.
 */
class UiExtensionStatesTest extends DemoTenantBrowserTest {

    @Autowired
    RegistrationStore registrations;
    @Autowired
    LiveCalls calls;
    @Autowired
    LiveStatus live;

    @Test
    void theListShowsWhoIsRegisteredAndWhoIsInACallAndFollowsChanges() {
        registrations.bind(new RegistrationStore.Binding(demo, "bakker-bureau", "sip:bakker-bureau@192.0.2.45:5062",
                "call-states", 1, Instant.now().plusSeconds(3600), "192.0.2.45", 5062, "Yealink T54W", null));
        LiveCalls.Taken call = null;
        try {
            assertThat(live.userStates(demo)).containsEntry("202", LiveStatus.UserState.REGISTERED)
                    .doesNotContainKey("201");
            browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
            browser.open("/ui/config/extensions");
            browser.cell("ext-grid", "Registered");
            assertThat(browser.waitFor(By.id("ext-grid")).getText()).contains("State", "Not registered");
            browser.screenshot("extensions-states");

            call = calls.take(demo);
            call.user("203");
            LiveStatus.UserState expected = live.userStates(demo).get("203");
            assertThat(expected).isIn(LiveStatus.UserState.BUSY, LiveStatus.UserState.IN_CALL);
            // no reload: the view reads the states again by itself
            browser.cell("ext-grid", expected == LiveStatus.UserState.BUSY ? "Busy" : "In a call");
            browser.screenshot("extensions-states-in-call");

            call.release();
            call = null;
            browser.waitForGone(By.xpath("//vaadin-grid[@id='ext-grid']/vaadin-grid-cell-content[text()='"
                    + (expected == LiveStatus.UserState.BUSY ? "Busy" : "In a call") + "']"));
        } finally {
            if (call != null) {
                call.release();
            }
            registrations.unbindAll(demo, "bakker-bureau");
        }
    }

    @Test
    void inDutchTheStatesHaveDutchNames() {
        registrations.bind(new RegistrationStore.Binding(demo, "bakker-bureau", "sip:bakker-bureau@192.0.2.46:5062",
                "call-states-nl", 1, Instant.now().plusSeconds(3600), "192.0.2.46", 5062, "Yealink T54W", null));
        try {
            browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
            browser.windowSize(390, 844);
            browser.open("/ui/config/extensions");
            browser.cell("ext-grid", "Registered");
            browser.click("language");
            browser.cell("ext-grid", "Aangemeld");
            assertThat(browser.waitFor(By.id("ext-grid")).getText()).contains("Niet aangemeld");
            browser.screenshot("extensions-states-nl-390px");
        } finally {
            registrations.unbindAll(demo, "bakker-bureau");
        }
    }
}
