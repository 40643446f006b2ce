package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.server.sip.edge.SipEdge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Issue 15 item 7: the SIP edge's bans and counters in the admin UI, and lifting a ban, in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiSipEdgeTest {

    static final String GUESSER = "198.51.100.77";

    @LocalServerPort
    int port;
    @Autowired
    SipEdge edge;
    @Autowired
    AuditTrail audit;

    UiBrowser browser;

    @AfterEach
    void closeBrowser() {
        edge.unban(GUESSER);
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePlatformAdminSeesABanAndLiftsIt() throws Exception {
        // A password guesser: ten failed digest authentications ban its address (auth-ban-after).
        for (int i = 0; i < 10; i++) {
            edge.authenticationFailed(GUESSER);
        }
        assertThat(edge.banned(InetAddress.getByName(GUESSER))).isTrue();

        browser = UiBrowser.start(port).login("admin", "demo-admin");
        assertThat(browser.pageText()).contains("SIP edge");
        browser.open("/ui/sip-edge");
        browser.waitForText(By.id("edge-bans"), GUESSER);
        assertThat(browser.waitFor(By.id("edge-bans")).getText()).contains("AUTH");
        assertThat(browser.waitFor(By.id("edge-counters")).getText()).contains("auth.failures", "bans");
        assertThat(browser.waitFor(By.id("edge-limits")).getText()).contains("requests per second");
        browser.screenshot("sip-edge-ban");

        browser.waitFor(By.id("edge-lift-" + GUESSER)).click();
        browser.waitForText(By.tagName("vaadin-notification-card"), "Ban of " + GUESSER + " lifted");
        assertThat(edge.banned(InetAddress.getByName(GUESSER))).isFalse();
        assertThat(browser.waitFor(By.id("edge-bans")).getText()).doesNotContain(GUESSER);
        assertThat(audit.latest(20)).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("SIP edge: lift ban");
            assertThat(e.getDetail()).isEqualTo(GUESSER);
            assertThat(e.getUsername()).isEqualTo("admin");
        });
    }

    @Test
    void aTenantAdminCannotOpenIt() {
        browser = UiBrowser.start(port).login("tenantadmin", "demo-tenant");
        assertThat(browser.pageText()).doesNotContain("SIP edge");
        browser.open("/ui/sip-edge");
        // the "Not allowed" page of issue 17, defect 9 (no longer Vaadin's "Could not navigate")
        browser.waitForText(By.id("not-allowed-text"), "may not open 'sip-edge'");
        assertThat(browser.all(By.id("edge-bans"))).isEmpty();
    }
}
