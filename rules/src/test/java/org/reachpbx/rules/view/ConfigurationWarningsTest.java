package org.reachpbx.rules.view;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.rules.time.WeeklyWindow;
import org.junit.jupiter.api.Test;

/** NP-14: a schema whose schedule leaves part of the week without a plan is reported. */
class ConfigurationWarningsTest {
    static final WeeklyWindow OFFICE =
            WeeklyWindow.perDay(EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), "08:00", "18:00");

    static SchemaView schema(int number, String name, List<WeeklyWindow> windows) {
        List<ScheduleEntryView> schedule = new java.util.ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            schedule.add(new ScheduleEntryView(i, windows.get(i), 1));
        }
        return new SchemaView(number, name, null, Map.of(1, new PlanView(1, "Open", Map.of())), schedule, List.of());
    }

    static TenantView tenant(SchemaView... schemas) {
        Map<Integer, SchemaView> byNumber = new java.util.HashMap<>();
        for (SchemaView s : schemas) {
            byNumber.put(s.number(), s);
        }
        return new TenantView(1, "T", 3, ZoneId.of("Europe/Amsterdam"), "0201110000", 3, Set.of(), true, List.of(),
                Map.of(), Map.of(), byNumber, Map.of(), Map.of());
    }

    @Test
    void aSchemaWithAWholeWeekFallbackHasNoWarning() {
        SchemaView ok = schema(1, "Hoofd", List.of(OFFICE, WeeklyWindow.period(MONDAY, "00:00", SUNDAY, "24:00")));
        assertThat(ConfigurationWarnings.of(tenant(ok))).isEmpty();
    }

    @Test
    void aSchemaWithOfficeHoursOnlyListsItsGaps() {
        SchemaView ok = schema(1, "Hoofd", List.of(OFFICE, WeeklyWindow.period(MONDAY, "00:00", SUNDAY, "24:00")));
        SchemaView gaps = schema(2, "Filiaal", List.of(OFFICE));
        assertThat(ConfigurationWarnings.of(tenant(gaps, ok))).containsExactly(
                "schema 2 (Filiaal) has no plan scheduled MONDAY 18:00 -> TUESDAY 08:00, TUESDAY 18:00 -> WEDNESDAY 08:00, "
                        + "WEDNESDAY 18:00 -> THURSDAY 08:00, THURSDAY 18:00 -> FRIDAY 08:00, FRIDAY 18:00 -> MONDAY 08:00: "
                        + "its numbers cannot be reached then; schedule a fallback plan for the whole week (NP-14)");
    }

    @Test
    void schemasAreReportedInNumberOrder() {
        SchemaView three = schema(3, "Drie", List.of());
        SchemaView two = schema(2, "Twee", List.of(OFFICE));
        assertThat(ConfigurationWarnings.of(tenant(three, two))).hasSize(2)
                .first().asString().startsWith("schema 2 (Twee)");
    }
}
