package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.integrations.VoicemailMessageRepository;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 17, defect 1: every view is usable on a phone (390 px wide), in English and in Dutch.
 * The test opens every view the side menu offers (so a view added later is visited too, and one
 * it does not know is no problem) and checks that the page does not scroll sideways and that every
 * button, field and link of the view, scrolled into view, lies inside the screen's width and is
 * the element a finger would hit at its centre (not covered by something else). Screenshots:
 * {@code target/screenshots/phone-<role>-<lang>-<view>.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UiPhoneWidthTest {

    /** What a finger uses: buttons, fields, pickers, uploads, links and tabs. */
    private static final String CONTROLS = "vaadin-button, vaadin-text-field, vaadin-password-field, vaadin-email-field,"
            + " vaadin-integer-field, vaadin-number-field, vaadin-text-area, vaadin-combo-box,"
            + " vaadin-multi-select-combo-box, vaadin-select, vaadin-date-picker, vaadin-time-picker,"
            + " vaadin-checkbox, vaadin-upload, vaadin-tab, vaadin-details-summary, a[href]";

    /**
     * One script per view: the controls outside the side menu that are not inside the width once
     * scrolled to, or covered at their centre; and whether the page itself scrolls sideways. It runs
     * asynchronously: a grid draws its rows at a new sideways position only in its scroll listener,
     * so after swiping a grid the script waits two frames before it measures the control.
     */
    private static final String CHECK = "const controls = arguments[0], done = arguments[arguments.length - 1];"
            + " const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));"
            + " (async () => {"
            + " const layout = document.querySelector('vaadin-app-layout');"
            + " const problems = [];"
            + " const page = document.scrollingElement;"
            + " if (page.scrollWidth > window.innerWidth + 1) problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px');"
            + " const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');"
            + " if (content && content.scrollWidth > content.clientWidth + 1) problems.push('the view scrolls sideways: '"
            + "   + content.scrollWidth + ' px in ' + content.clientWidth);"
            + " const wide = [];"
            + " const name = e => (e.id ? '#' + e.id : e.tagName.toLowerCase()) + ' \"' + (e.innerText || e.label || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '\"';"
            + " const hidden = e => e.closest('vaadin-side-nav, [slot=drawer], vaadin-grid-cell-content[hidden]')"
            + "   || e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden';"
            + " let checked = 0;"
            + " if (problems.length) {" // say what is too wide: the innermost elements sticking out, outside grids
            + "   for (const e of document.querySelectorAll('vaadin-app-layout *')) {"
            + "     if (e.closest('vaadin-grid, vaadin-side-nav, [slot=drawer], [slot=navbar]')) continue;"
            + "     const r = e.getBoundingClientRect();"
            + "     if (r.right > window.innerWidth + 1 && r.width > 0"
            + "         && !Array.from(e.children).some(c => c.getBoundingClientRect().right > window.innerWidth + 1)) wide.push(name(e) + ' to ' + Math.round(r.right));"
            + "   }"
            + "   problems.push('too wide: ' + wide.slice(0, 4).join(', '));"
            + " }"
            + " for (const e of document.querySelectorAll(controls)) {"
            + "   if (hidden(e) || e.closest('[aria-hidden=true]')) continue;"
            + "   const cell = e.closest('vaadin-grid-cell-content');"
            + "   if (cell && !cell.assignedSlot) continue;" // a grid row kept for later, not shown
            + "   const grid = cell && cell.closest('vaadin-grid');" // a finger swipes a grid sideways to the cell
            + "   const table = grid && grid.shadowRoot.querySelector('#table');"
            + "   const before = table ? table.scrollLeft : 0;"
            + "   e.scrollIntoView({block: 'center', inline: 'nearest'});"
            + "   if (grid) { if (table.scrollLeft !== before) await frames();"
            + "     const g = grid.getBoundingClientRect(); const at = table.scrollLeft;"
            + "     let c = e.getBoundingClientRect();"
            + "     if (c.right > g.right) table.scrollLeft += c.right - g.right + 8;"
            + "     if (table.scrollLeft !== at) await frames();"
            + "     c = e.getBoundingClientRect(); if (c.left < g.left) { table.scrollLeft -= g.left - c.left + 8; await frames(); } }"
            + "   const r = e.getBoundingClientRect();"
            + "   if (r.width === 0 || r.height === 0) continue;"
            + "   checked++;"
            + "   if (r.left < -1 || r.right > window.innerWidth + 1) { problems.push(name(e) + ' is outside the width: '"
            + "     + Math.round(r.left) + '..' + Math.round(r.right)); continue; }"
            + "   if (e.hasAttribute('disabled') || e.hasAttribute('readonly')) continue;"
            + "   const x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2;"
            + "   let hit = document.elementFromPoint(x, y);"
            + "   if (hit && !(hit === e || e.contains(hit) || hit.contains(e) || (hit.shadowRoot && hit.shadowRoot.contains(e))))"
            + "     problems.push(name(e) + ' is covered by ' + name(hit));"
            + " }"
            + " page.scrollTo(0, 0); if (content) content.scrollTo(0, 0);"
            + " return {problems: problems, checked: checked};"
            + " })().then(done, error => done({problems: ['the check failed: ' + error], checked: 0}));";

    @LocalServerPort
    int port;

    @Autowired
    TenantStore store;
    @Autowired
    VoicemailDeposit deposit;
    @Autowired
    VoicemailMessageRepository messages;

    UiBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyViewOfThePlatformAdminFitsAPhoneInEnglishAndDutch() {
        browser = UiBrowser.start(port).login("admin", "demo-admin").windowSize(390, 844);
        List<String> problems = visitEveryView("admin", "en");
        browser.click("language");
        browser.waitForText(By.id("language"), "English");
        problems.addAll(visitEveryView("admin", "nl"));
        assertThat(problems).as("controls out of reach at 390 px").isEmpty();
    }

    /** The end user's own views with content in them: a voicemail message (Play / Delete) and REACH's "Until" fields. */
    @Test
    void theEndUsersVoicemailAndReachFitAPhone() {
        long demo = store.list().stream().filter(t -> t.name().equals("Demo BV")).findFirst().orElseThrow().id();
        VoicemailMessage message = deposit.deposit(new VoicemailDeposit.Deposit(demo, "201", "0301340001",
                "Phone width test", "h17-phone-" + System.nanoTime(), Instant.now(), UiVoicemailTest.wav(1)));
        try {
            browser = UiBrowser.start(port).login("piet", "demo-user").windowSize(390, 844);
            List<String> problems = new ArrayList<>(visitEveryView("enduser", "en"));

            browser.open("/ui/voicemail");
            browser.waitForText(By.id("vm-messages"), "0301340001");
            problems.addAll(check("enduser-en-voicemail-message"));
            browser.click(By.id("vm-play-" + message.getId())); // reachable and it works
            browser.waitFor(By.id("vm-audio"));

            browser.open("/ui/reach");
            browser.present("manual-status-until");
            problems.addAll(check("enduser-en-reach-until"));
            assertThat(browser.insideWidth(browser.inView(By.id("manual-status-until")))).as("REACH manual status Until").isTrue();

            browser.click("language");
            browser.waitForText(By.id("language"), "English");
            problems.addAll(visitEveryView("enduser", "nl"));
            assertThat(problems).as("controls out of reach at 390 px").isEmpty();
        } finally {
            messages.deleteById(message.getId());
        }
    }

    /** Visits every view of the side menu; returns what is out of reach, named by view. */
    private List<String> visitEveryView(String role, String language) {
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) browser.script("return Array.from(document.querySelectorAll('vaadin-side-nav-item'))"
                + ".map(i => i.getAttribute('path')).filter(p => p !== null);");
        assertThat(paths).as("the side menu's views").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            String view = path.replaceAll("^/?(ui/)?", "").replaceAll("^ui$", "");
            browser.open("/ui/" + view);
            browser.waitFor(By.id("logout")); // the user's name is hidden on a phone; Log out is not
            settled();
            List<String> found = check(role + "-" + language + "-" + (view.isEmpty() ? "tenants" : view.replace('/', '-')));
            problems.addAll(found);
        }
        return problems;
    }

    /** The view's problems at this width, each prefixed with the screenshot's name. */
    private List<String> check(String name) {
        settled();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript(CHECK, CONTROLS);
        browser.screenshot("phone-" + name);
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) result.get("problems");
        assertThat(((Number) result.get("checked")).intValue()).as("controls checked in " + name).isPositive();
        return found.stream().map(p -> name + ": " + p).toList();
    }

    /** Waits until Vaadin has no request in flight (the view is drawn, its data loaded). */
    private void settled() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.script(
                "const f = window.Vaadin && window.Vaadin.Flow; if (!f || !f.clients) return false;"
                        + " return Object.values(f.clients).every(c => !c.isActive());")));
    }
}
