package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The routing simulator in a real browser: a call to the demo tenant, its decision and rule trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiSimulatorTest {

    @LocalServerPort
    int port;

    UiBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAnalystSimulatesACallAtAChosenTimeAndReadsTheTrace() {
        browser = UiBrowser.start(port).login("analyst", "demo-analyst");
        browser.open("/ui/simulator");
        browser.waitFor(By.cssSelector("#sim-caller input")).sendKeys("+49301234567");
        browser.waitFor(By.cssSelector("#sim-dialled input")).sendKeys("0201110001");
        // Time travel: a Tuesday morning, in the tenant's zone.
        WebElement time = browser.waitFor(By.id("sim-time"));
        browser.script("arguments[0].value = '2026-11-24T10:00'; arguments[0].dispatchEvent(new CustomEvent('change'));",
                time);
        browser.waitFor(By.id("simulate")).click();

        browser.waitForText(By.id("outcome"), "Ring");
        String decision = browser.waitFor(By.id("decision")).getText();
        assertThat(decision).contains("Outcome: Ring", "Step 1: ring user", "Caller ID shown");
        String trace = browser.waitFor(By.id("trace")).getText();
        assertThat(trace).contains("REACH-20", "REACH-07", "status Dag", "profile Buitenland");
        browser.screenshot("simulator-trunk-call");
    }

    @Test
    void aCallWithoutADialledNumberIsExplainedNotSimulated() {
        browser = UiBrowser.start(port).login("admin", "demo-admin");
        browser.open("/ui/simulator");
        browser.waitFor(By.cssSelector("#sim-caller input")).sendKeys("+49301234567", Keys.TAB);
        browser.waitFor(By.id("simulate")).click();
        browser.waitForText(By.tagName("vaadin-notification-card"), "enter the dialled number");
        browser.screenshot("simulator-missing-number");
    }
}
