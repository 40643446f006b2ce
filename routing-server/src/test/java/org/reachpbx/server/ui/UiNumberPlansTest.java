package org.reachpbx.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The number plan editor in a real browser: weekly picture, manual override, holiday table, active plan. */
class UiNumberPlansTest extends DemoTenantBrowserTest {

    @BeforeEach
    void startBrowser() {
        browser = UiBrowser.start(port);
    }

    @Test
    void theWeeklyPictureShowsTheDemoSchedule() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/number-plans");
        // office hours Monday to Friday 08:00-17:00 plan 1 "Open", the rest of the week plan 2 "Gesloten"
        assertThat(browser.waitFor(By.id("week-MONDAY-8")).getText()).isEqualTo("1");
        assertThat(browser.waitFor(By.id("week-FRIDAY-16")).getText()).isEqualTo("1");
        assertThat(browser.waitFor(By.id("week-FRIDAY-17")).getText()).isEqualTo("2");
        assertThat(browser.waitFor(By.id("week-MONDAY-7")).getText()).isEqualTo("2");
        assertThat(browser.waitFor(By.id("week-SATURDAY-10")).getText()).isEqualTo("2");
        assertThat(browser.waitFor(By.id("week-SUNDAY-23")).getText()).isEqualTo("2");
        assertThat(browser.waitFor(By.id("week-MONDAY-8")).getAttribute("title")).isEqualTo("1 Open");
        assertThat(browser.waitFor(By.id("np-legend")).getText()).contains("1 Open", "2 Gesloten", "3 Vakantie");
        assertThat(browser.waitFor(By.id("np-plans")).getText()).contains("Vakantie", "+31201110000 → 700");
        // the rules decide the active plan now, by the schedule (or a holiday), and say which rule
        assertThat(browser.waitFor(By.id("np-active")).getText()).startsWith("Plan ");
        assertThat(browser.waitFor(By.id("np-active-trace")).getText()).containsPattern("NP-1[23]");
        browser.scrollTo("np-week");
        browser.screenshot("number-plans-week");
    }

    @Test
    void theScheduleIsEditedAsRowsAndTheWeekFollows() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/number-plans");
        assertThat(browser.waitFor(By.id("week-FRIDAY-17")).getText()).isEqualTo("2");
        browser.doubleClick(browser.cell("np-schemas-grid", "Demo BV"));
        // office hours: the first schedule row, its days a multi-select
        browser.waitFor(By.id("f-schedule-0-to"));
        browser.waitFor(By.id("f-schedule-0-days"));
        browser.type("f-schedule-0-to", "18:00");
        browser.screenshot("number-plans-schedule-rows");
        browser.click("item-save");
        browser.waitForGone(By.id("np-schemas-dialog"));
        browser.waitForText(By.id("week-FRIDAY-17"), "1");          // Friday 17:00 is office time now
        assertThat(export()).containsPattern("from: \"?08:00\"?\\s+to: \"?18:00\"?\\s+plan: 1");
    }

    /**
     * Issue 17, defects 3 and 4: the schema dialog shows its plans as rows with their entries as
     * rows inside, the entry's extension picked by number and name, and no YAML text area.
     */
    @Test
    void thePlansAreRowsWithTheirEntriesAndTheExtensionIsPicked() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/number-plans");
        browser.doubleClick(browser.cell("np-schemas-grid", "Demo BV"));
        browser.waitForValue(By.id("f-plans-2-name"), "Vakantie");
        browser.waitForValue(By.id("f-plans-0-entries-0-extension"), "700 Hoofdmenu");
        assertThat(browser.all(By.cssSelector("#np-schemas-dialog vaadin-text-area, vaadin-dialog-overlay vaadin-text-area")))
                .as("no YAML text area in the schema dialog").isEmpty();
        // the holiday plan's first entry goes to the general voicemail instead of the holiday message
        browser.choose(By.id("f-plans-2-entries-0-extension"), "600 Algemene voicemail");
        browser.scrollTo("f-plans-2-entries-0-extension");
        browser.screenshot("number-plans-plan-rows");
        browser.click("item-save");
        // the dialog's host element has no size of its own: wait for the stored tenant instead
        java.util.regex.Pattern stored = java.util.regex.Pattern.compile(
                "name: Vakantie\\s+entries:\\s+- number: \"?\\+?31201110000\"?\\s+extension: \"?600\"?");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> stored.matcher(export()).find());
        assertThat(export()).containsPattern(stored);
    }

    @Test
    void aManualOverrideIsSetAndCleared() {
        browser.login("admin", "demo-admin");
        browser.open("/ui/config/number-plans");
        browser.waitFor(By.id("week-MONDAY-8"));
        browser.choose("np-override", "3 Vakantie");
        browser.click("np-override-set");
        // It changes where every call goes: it asks first (issue 17, defect 6).
        browser.waitForText(By.id("confirm-delete-text"), "every call of this schema follows plan 3 Vakantie");
        browser.click("confirm-delete-ok");
        browser.waitForText(By.id("np-override-now"), "3 Vakantie");
        browser.waitForText(By.id("np-active"), "Plan 3 Vakantie is active: the manual override is set (NP-10)");
        assertThat(browser.waitFor(By.id("np-active-trace")).getText()).contains("NP-10");
        assertThat(export()).contains("manualOverride: 3");
        browser.screenshot("number-plans-override-set");

        browser.click("np-override-clear");
        browser.click("confirm-delete-ok");
        browser.waitForText(By.id("np-override-now"), "No manual override");
        browser.waitForNoText(By.id("np-active"), "manual override");
        assertThat(export()).doesNotContain("manualOverride");
        browser.screenshot("number-plans-override-cleared");
    }

    @Test
    void aHolidayIsAddedAndAnExpiredOneDeleted() {
        browser.windowSize(1440, 1000);
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/number-plans");
        browser.cell("np-holidays", "Eerste Kerstdag").click();
        // issue 17, defect 7: the table's times in the tenant's zone, the zone named, no ISO text
        assertThat(browser.waitFor(By.id("np-holidays")).getText()).contains("2026-12-25 00:00:00 CET")
                .doesNotContain("2026-12-25T00:00");
        // defect 8: at 1440 px no field of the holiday form is cut off
        for (String field : java.util.List.of("np-h-description", "np-h-start", "np-h-end", "np-h-plan", "np-h-temporary")) {
            assertThat(browser.insideWidth(browser.inView(By.id(field)))).as(field + " on the screen").isTrue();
        }
        // a chosen holiday fills the form, its times in the pickers
        browser.waitForPicker("np-h-start", "2026-12-25T00:00");
        assertThat(browser.pickerValue("np-h-end")).isEqualTo("2026-12-26T00:00");

        browser.type("np-h-description", "Koningsdag 2026");
        browser.pick("np-h-start", "2026-04-27T00:00");
        browser.pick("np-h-end", "2026-04-28T00:00");
        browser.choose("np-h-plan", "3 Vakantie");
        browser.click("np-h-add");
        browser.cell("np-holidays", "Koningsdag 2026");
        assertThat(export()).contains("description: Koningsdag 2026", "2026-04-27T00:00");
        // defect 8: the form is empty again for the next holiday
        browser.waitForPicker("np-h-start", "");
        assertThat(browser.pickerValue("np-h-end")).isEmpty();
        browser.waitForValue(By.id("np-h-description"), "");
        browser.screenshot("number-plans-holiday-added");

        // it ended before the demo's "now" (2026-11) and goes; Christmas 2026 stays
        browser.click("np-h-delete-expired");
        browser.waitForText(By.id("confirm-delete-text"), "1");       // asks first, naming what goes
        browser.click("confirm-delete-ok");
        browser.waitForNoText(By.id("np-holidays"), "Koningsdag 2026");
        assertThat(browser.waitFor(By.id("np-holidays")).getText()).contains("Eerste Kerstdag");
        assertThat(export()).doesNotContain("Koningsdag").contains("Eerste Kerstdag");
        browser.screenshot("number-plans-expired-deleted");
    }

    @Test
    void anEndBeforeTheStartIsShownAtTheEndFieldAndNothingIsStored() {
        browser.login("admin", "demo-admin");
        browser.open("/ui/config/number-plans");
        browser.cell("np-holidays", "Eerste Kerstdag");
        browser.type("np-h-description", "Verkeerd om");
        browser.pick("np-h-start", "2027-01-02T00:00");
        browser.pick("np-h-end", "2027-01-01T00:00");
        browser.choose("np-h-plan", "2 Gesloten");
        browser.click("np-h-add");
        browser.waitForAttribute("np-h-end", "invalid", true);
        assertThat(browser.waitForErrorMessage("np-h-end", "after the start")).contains("2027-01-02");
        browser.screenshot("number-plans-holiday-invalid");
        assertThat(export()).isEqualTo(original);
    }

    /**
     * Issue 17, defects 3, 6 and 7 in Dutch on a phone (390 px): the schema dialog's schedule and
     * plans are rows with Dutch labels and Dutch day chips, and a changed row moves the week; the
     * manual override asks first in Dutch, with its buttons on the screen; the holiday table's
     * times are in the tenant's zone with the zone named. Screenshots {@code number-plans-nl-390-*}.
     */
    @Test
    void inDutchOnAPhoneTheRowsTheOverrideQuestionAndTheZonedTimes() {
        rowsOverrideQuestionAndZonedTimes(390, 844, PlanWords.DUTCH);
    }

    /** The same in Dutch on a desk (1440 px). Screenshots {@code number-plans-nl-1440-*}. */
    @Test
    void inDutchAt1440TheRowsTheOverrideQuestionAndTheZonedTimes() {
        rowsOverrideQuestionAndZonedTimes(1440, 1000, PlanWords.DUTCH);
    }

    /** The same in English on a phone (390 px). Screenshots {@code number-plans-en-390-*}. */
    @Test
    void inEnglishOnAPhoneTheRowsTheOverrideQuestionAndTheZonedTimes() {
        rowsOverrideQuestionAndZonedTimes(390, 844, PlanWords.ENGLISH);
    }

    /** The same in English on a desk (1440 px). Screenshots {@code number-plans-en-1440-*}. */
    @Test
    void inEnglishAt1440TheRowsTheOverrideQuestionAndTheZonedTimes() {
        rowsOverrideQuestionAndZonedTimes(1440, 1000, PlanWords.ENGLISH);
    }

    /** What the number plans' page says in one language, and the day names the other language would show. */
    private record PlanWords(String code, boolean switchLanguage, String holidayTable, String days, String to,
                             String monday, String friday, List<String> otherMondays, String save, String setQuestion,
                             String cancel, String setButton, String active, String clearQuestion, String noOverride,
                             List<String> calendar) {
        static final PlanWords ENGLISH = new PlanWords("en", false, "Holiday table", "Days", "To (hh:mm)",
                "Monday", "Friday", List.of("MONDAY", "maandag"), "Save",
                "From now on every call of this schema follows plan 3 Vakantie", "Cancel", "Set override",
                "Plan 3 Vakantie is active: the manual override is set (NP-10)", "The manual override ends",
                "No manual override", List.of("January", "Mon", "Today", "Cancel", "1"));
        static final PlanWords DUTCH = new PlanWords("nl", true, "Feestdagentabel", "Dagen", "Tot (uu:mm)",
                "maandag", "vrijdag", List.of("MONDAY", "Monday"), "Opslaan",
                "Vanaf nu volgt elk gesprek van dit schema plan 3 Vakantie", "Annuleren", "Overschrijving instellen",
                "Plan 3 Vakantie is actief: de handmatige overschrijving staat aan (NP-10)", "De handmatige omschakeling stopt",
                "Geen handmatige overschrijving", List.of("januari", "ma", "Vandaag", "Annuleren", "1"));
    }

    private void rowsOverrideQuestionAndZonedTimes(int width, int height, PlanWords words) {
        String px = width + " px";
        String shot = "number-plans-" + words.code() + "-" + width;
        browser.login("tenantadmin", "demo-tenant").windowSize(width, height);
        browser.open("/ui/config/number-plans");
        browser.present("week-MONDAY-8");
        if (words.switchLanguage()) {
            browser.click("language");
            browser.waitForText(By.id("language"), "English");
        }
        browser.waitForText(By.tagName("body"), words.holidayTable());

        // defect 3: rows, their labels and the days in the UI language, inside the width
        browser.scrollTo("np-schemas-grid");
        browser.doubleClick(browser.cell("np-schemas-grid", "Demo BV"));
        browser.waitForValue(By.id("f-plans-0-entries-0-extension"), "700 Hoofdmenu");
        assertThat(browser.property("f-schedule-0-days", "label")).isEqualTo(words.days());
        assertThat(browser.property("f-schedule-0-to", "label")).isEqualTo(words.to());
        assertThat(chips("f-schedule-0-days")).contains(words.monday(), words.friday()).doesNotContainAnyElementsOf(words.otherMondays());
        browser.scrollTo("f-schedule-0-to");
        assertThat(browser.insideWidth(browser.waitFor(By.id("f-schedule-0-to")))).as("the row's To inside " + px).isTrue();
        browser.type("f-schedule-0-to", "18:00");
        browser.screenshot(shot + "-schedule-rows");
        assertThat(browser.waitFor(By.id("item-save")).getText()).isEqualTo(words.save());
        browser.click("item-save");
        browser.waitForGone(By.id("np-schemas-dialog"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> "1".equals(browser.present("week-FRIDAY-17").getText()));
        assertThat(export()).containsPattern("from: \"?08:00\"?\\s+to: \"?18:00\"?\\s+plan: 1");

        // defect 6: the override asks first, in the UI language, naming the plan
        browser.choose("np-override", "3 Vakantie");
        browser.click("np-override-set");
        browser.waitForText(By.id("confirm-delete-text"), words.setQuestion());
        assertThat(browser.waitFor(By.id("confirm-delete-cancel")).getText()).isEqualTo(words.cancel());
        assertThat(browser.waitFor(By.id("confirm-delete-ok")).getText()).isEqualTo(words.setButton());
        assertThat(browser.insideWidth(browser.waitFor(By.id("confirm-delete-ok")))).as("the OK inside " + px).isTrue();
        browser.screenshot(shot + "-override-confirm");
        browser.click("confirm-delete-ok");
        browser.waitForText(By.id("np-override-now"), "3 Vakantie");
        browser.inView(By.id("np-active")); // text scrolled out of the layout's content does not count as shown
        browser.waitForText(By.id("np-active"), words.active());
        assertThat(export()).contains("manualOverride: 3");

        browser.click("np-override-clear");
        browser.waitForText(By.id("confirm-delete-text"), words.clearQuestion());
        browser.click("confirm-delete-ok");
        browser.inView(By.id("np-override-now"));
        browser.waitForText(By.id("np-override-now"), words.noOverride());
        assertThat(export()).doesNotContain("manualOverride");

        // defect 7: the holiday's times in the tenant's zone, the zone named, no ISO text
        browser.cell("np-holidays", "Eerste Kerstdag");
        assertThat(browser.waitFor(By.id("np-holidays")).getText()).contains("2026-12-25 00:00:00 CET")
                .doesNotContain("2026-12-25T00:00");
        // defect 2: the holiday pickers' calendar in the UI language, the week starting on Monday
        Object calendar = browser.script("const p = document.getElementById('np-h-start').querySelector('[slot=date-picker]');"
                + " const i = p.i18n; return [i.monthNames[0], i.weekdaysShort[1], i.today, i.cancel, String(i.firstDayOfWeek)];");
        assertThat(calendar).asList().containsExactlyElementsOf(words.calendar());
        browser.screenshot(shot + "-holidays");
    }

    /** Defect 8 in Dutch at 1440 px: the holiday form's longer Dutch labels still leave every field on the screen. */
    @Test
    void inDutchAt1440TheHolidayFormFits() {
        browser.windowSize(1440, 1000);
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/number-plans");
        browser.present("week-MONDAY-8");
        browser.click("language");
        browser.waitForText(By.id("language"), "English");
        browser.cell("np-holidays", "Eerste Kerstdag").click();
        browser.waitForPicker("np-h-start", "2026-12-25T00:00");
        for (String field : java.util.List.of("np-h-description", "np-h-start", "np-h-end", "np-h-plan", "np-h-temporary")) {
            assertThat(browser.insideWidth(browser.inView(By.id(field)))).as(field + " on the screen").isTrue();
        }
        assertThat(browser.waitFor(By.id("np-h-add")).getText()).isEqualTo("Feestdag toevoegen");
        assertThat(browser.waitFor(By.id("np-holidays")).getText()).contains("2026-12-25 00:00:00 CET");
        browser.screenshot("number-plans-nl-1440-holiday-form");
    }

    /** The labels of the chips a multi-select combo box shows (light or shadow DOM, as the Vaadin version has them). */
    @SuppressWarnings("unchecked")
    private java.util.List<String> chips(String id) {
        return (java.util.List<String>) browser.script("const h = arguments[0];"
                + " const all = Array.from(h.querySelectorAll('vaadin-multi-select-combo-box-chip'))"
                + "   .concat(h.shadowRoot ? Array.from(h.shadowRoot.querySelectorAll('vaadin-multi-select-combo-box-chip')) : []);"
                + " return all.map(c => (c.label || c.textContent || '').trim()).filter(t => t.length > 0);",
                browser.present(id));
    }

    @Test
    void theEditorSpeaksDutch() {
        browser.login("tenantadmin", "demo-tenant");
        browser.open("/ui/config/number-plans");
        browser.waitFor(By.id("week-MONDAY-8"));
        browser.click("language");
        browser.waitForText(By.tagName("body"), "Feestdagentabel");
        assertThat(browser.pageText()).contains("Nummerplannen", "Tijdconfiguratie (week)", "Handmatige overschrijving",
                "Verlopen verwijderen", "Toestellen").doesNotContain("!config.");
        assertThat(browser.waitFor(By.id("week-MONDAY-8")).getAttribute("title")).isEqualTo("1 Open");
        // defect 2: the rules' sentences under "Active plan now" are Dutch too
        browser.waitForText(By.id("np-active-trace"), "een gesprek naar een bedrijfsnummer zoekt het actieve plan");
        assertThat(browser.waitFor(By.id("np-active-trace")).getText()).doesNotContain("a call to a company number", "decides the active plan");
        // ... and so are their details: the plan, the schedule's days and why (RuleDetails)
        assertThat(browser.waitFor(By.id("np-active-trace")).getText())
                .containsAnyOf(" volgens [", "(tijdschema)", "heeft nu geen actief plan", "(handmatige omschakeling)")
                .doesNotContain(" by [", "time schedule", "MONDAY", "has no active plan now", "is not in the active plan");
        browser.screenshot("number-plans-dutch");
    }
}
