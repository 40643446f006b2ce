package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.RejectCause;
import org.reachpbx.rules.tables.TableState;
import org.reachpbx.rules.vocabulary.BarringCategory;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 17, defect 2: what a user reads names things by their labels, never by the constants the
 * code stores. The platform admin reads the role in the header, the rule tables' version states and
 * the simulator's answer to a barred call (Piet Jansen's desk phone dialling a 0906 number, blocked
 * for the whole Demo BV account, its reason in the language's words) in English and in Dutch, at
 * 1440 px and, in Dutch, at 390 px; no constant of those enums is on the page.
 * Screenshots: {@code target/screenshots/labels-<language>-<view>.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiConstantLabelsTest {

    /** The constants that could reach these pages: the role, the table states, the decision's enums. */
    static final List<String> CONSTANTS = Stream.of(UiRole.values(), TableState.values(), BarringCategory.values(),
                    RejectCause.values(), MediaService.Kind.values(), DeviceType.values())
            .flatMap(Stream::of).map(Enum::name).distinct().toList();

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
    void theHeaderTheRuleTablesAndTheSimulatorShowLabelsInEnglishAndDutch() {
        browser = UiBrowser.start(port).login("admin", "demo-admin").windowSize(1440, 1000);
        pagesShow("en", "Platform admin", "published", "Reject: SIP 403 (barred) – category 0906 numbers is blocked",
                "Destination category: 0906 numbers");
        browser.click("language");
        browser.waitForText(By.id("language"), "English");
        pagesShow("nl", "Platformbeheerder", "gepubliceerd", "Weigeren: SIP 403 (geblokkeerd) – categorie 0906-nummers is geblokkeerd",
                "Bestemmingscategorie: 0906-nummers");
        assertThat(browser.waitFor(By.id("outcome")).getText()).doesNotContain("is blocked");
    }

    /** The same answer on a phone: the reason in Dutch words too, inside the 390 px. */
    @Test
    void theSimulatorsReasonReadsInDutchOnAPhone() {
        browser = UiBrowser.start(port).login("admin", "demo-admin").windowSize(390, 844);
        browser.click("language");
        browser.waitForText(By.id("language"), "English");
        simulatorsReasonOnAPhone("nl", "Weigeren: SIP 403 (geblokkeerd) – categorie 0906-nummers is geblokkeerd", "is blocked");
    }

    /** The same answer on a phone in English: labels, not constants, inside the 390 px. */
    @Test
    void theSimulatorsReasonReadsInEnglishOnAPhone() {
        browser = UiBrowser.start(port).login("admin", "demo-admin").windowSize(390, 844);
        simulatorsReasonOnAPhone("en", "Reject: SIP 403 (barred) – category 0906 numbers is blocked", "geblokkeerd");
    }

    private void simulatorsReasonOnAPhone(String language, String outcome, String otherLanguage) {
        simulateBarredCall(outcome);
        assertThat(browser.insideWidth(browser.waitFor(By.id("outcome")))).as("the outcome inside 390 px").isTrue();
        assertThat(browser.waitFor(By.id("decision")).getText()).doesNotContain(otherLanguage);
        noConstantsIn(language + "-390-simulator", "vaadin-app-layout");
    }

    private void pagesShow(String language, String role, String published, String outcome, String category) {
        browser.open("/ui/rule-tables");
        browser.waitForText(By.id("current-user"), "admin (" + role + ")");
        browser.waitForText(By.id("versions"), published);
        // the header and the versions, not the table rows: those are the analysts' data, constants included
        noConstantsIn(language + "-rule-tables", "#pbx-header, #versions");

        simulateBarredCall(outcome);
        assertThat(browser.waitFor(By.id("decision")).getText()).contains(category);
        assertThat(browser.waitFor(By.id("trace")).getText()).contains("CB-03");
        noConstantsIn(language + "-simulator", "vaadin-app-layout");
    }

    /** Piet Jansen's desk phone dials a 0906 number in the simulator; waits for the outcome. */
    private void simulateBarredCall(String outcome) {
        browser.open("/ui/simulator");
        browser.waitFor(By.cssSelector("vaadin-radio-group vaadin-radio-button"));
        List<org.openqa.selenium.WebElement> from = browser.driver().findElements(By.cssSelector("vaadin-radio-group vaadin-radio-button"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", from.get(from.size() - 1));
        from.get(from.size() - 1).click(); // a call from a device
        browser.waitFor(By.cssSelector("#sim-caller-extension input")).sendKeys("201");
        browser.waitFor(By.cssSelector("#sim-channel input")).sendKeys("jansen-bureau");
        browser.waitFor(By.cssSelector("#sim-dialled input")).sendKeys("0906123456");
        browser.click("simulate"); // scrolled into view first: at 390 px it is below the fold
        browser.waitForText(By.id("outcome"), outcome);
    }

    /** The visible text of the page's parts names none of {@link #CONSTANTS} as a word. */
    private void noConstantsIn(String screenshot, String parts) {
        browser.screenshot("labels-" + screenshot);
        String text = (String) browser.script("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.innerText).join('\\n');", parts);
        assertThat(text).as("text of " + parts).isNotBlank();
        List<String> shown = CONSTANTS.stream()
                .filter(c -> java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])" + c + "(?![A-Za-z0-9_])").matcher(text).find())
                .toList();
        assertThat(shown).as("enum constants shown on " + screenshot).isEmpty();
    }
}
