package org.reachpbx.rules.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.services.ServiceDecision.TemporaryHoliday;
import org.reachpbx.rules.view.SchemaView;

class ServicePlanChangesTest {
    static final SchemaView SCHEMA = ServiceEngineTest.view().schemas().get(1);

    @Test
    void theNextChangeIsWhenTheScheduledPlanChanges() {
        assertThat(PlanChanges.nextScheduleChange(SCHEMA, LocalDateTime.parse("2026-11-24T15:00")))
                .isEqualTo(LocalDateTime.parse("2026-11-24T17:00"));
        // Friday evening: the whole-week entry's own boundaries (Sunday 24:00) do not change the plan.
        assertThat(PlanChanges.nextScheduleChange(SCHEMA, LocalDateTime.parse("2026-11-27T18:00")))
                .isEqualTo(LocalDateTime.parse("2026-11-30T08:00"));
    }

    @Test
    void theTemporaryEntryIsDstCorrect() {
        TemporaryHoliday h = PlanChanges.temporaryEntry(SCHEMA, LocalDateTime.parse("2026-10-23T18:00"), 1,
                ServiceEngineTest.AMS);
        assertThat(h.end()).isEqualTo(LocalDateTime.parse("2026-10-26T08:00"));
        assertThat(h.durationMinutes()).isEqualTo((62 + 1) * 60); // 62 wall-clock hours + the extra hour of 25 Oct
        assertThat(h.temporary()).isTrue();
    }

    @Test
    void dtmfAndLinesAreTakenWhole() {
        assertThat(ServiceCall.parseLine("93024")).isEqualTo(24);
        assertThat(ServiceCall.parseLine("93003")).isNull();
        assertThat(ServiceCall.parseLine("930")).isNull();
        assertThat(ServiceCall.parseDtmf("##*234#", false, false)).containsExactly("BLIND_TRANSFER", "234");
        assertThat(ServiceCall.parseDtmf("*#", false, false)[0]).isEqualTo("PASS_THROUGH");
        assertThat(ServiceCall.parseDtmf("*#", false, true)[0]).isEqualTo("END_CONSULTATION_RETURN");
    }

    @Test
    void newPinsFollowTheUsr02Rules() {
        assertThat(ServiceCall.pinProblem("4827")).isNull();
        assertThat(ServiceCall.pinProblem("1111")).isNotNull();
        assertThat(ServiceCall.pinProblem("0000")).isNotNull();
        assertThat(ServiceCall.pinProblem("123456")).isNotNull();
        assertThat(ServiceCall.pinProblem("987")).isNotNull();
    }
}
