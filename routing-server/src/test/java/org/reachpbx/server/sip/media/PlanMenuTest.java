package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.NumberPlanSchema;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * 915 by phone (NP-17–21): user 201 (time configuration right) switches the media tenant's number
 * plan; the change is stored in the schema (a temporary holiday entry) and the simulator then routes
 * the tenant's number by plan 2; option 3 goes back to the schedule. 203 lacks the right.
 */
class PlanMenuTest extends MediaTestSupport {

    @Autowired
    org.reachpbx.directory.access.AuditTrail audit;

    @Autowired
    TenantEditor editor;
    @Autowired
    TestRestTemplate http;

    /** Back to the schedule after each test, whatever a failed one left. */
    @org.junit.jupiter.api.AfterEach
    void backToTheSchedule() {
        org.reachpbx.directory.model.Tenant draft = editor.draft(mediaTenant).orElseThrow();
        NumberPlanSchema s = draft.getNumberPlanSchemas().get(0);
        s.setManualOverride(null);
        s.setHolidays(new java.util.ArrayList<>(s.getHolidays().stream().filter(h -> !h.isTemporary()).toList()));
        editor.save(draft);
    }

    private NumberPlanSchema schema() {
        return editor.draft(mediaTenant).orElseThrow().getNumberPlanSchemas().get(0);
    }

    /** The extension the simulator routes an outside call to 0301240600 to now. */
    private String simulatedDestination() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"from\":\"trunk\",\"caller\":\"0612345678\",\"dialled\":\"0301240600\"}";
        return http.withBasicAuth("admin", "demo-admin")
                .postForEntity("/api/tenants/" + mediaTenant + "/simulate", new HttpEntity<>(body, headers), String.class)
                .getBody();
    }

    private void keysAfterPrompts(TestPhone phone, RtpTestPeer rtp, String... answers) throws Exception {
        TestPhone.Call call = phone.call("915");
        connected(call, rtp);
        int at = 0;
        for (String keys : answers) {
            at = awaitPrompt(rtp, at, Duration.ofSeconds(15));
            assertThat(at).as("a prompt before " + keys).isPositive();
            rtp.sendDigits(keys).get(5, TimeUnit.SECONDS);
        }
        assertThat(phone.byes.poll(20, TimeUnit.SECONDS)).as("the server says so and hangs up").isNotNull();
    }

    @Test
    void aTemporaryChangeRoutesByTheOtherPlanUntilOptionThreeGoesBackToTheSchedule() throws Exception {
        assertThat(simulatedDestination()).contains("\"extension\":\"600\"");
        RtpTestPeer rtp = peer();
        TestPhone anna = mediaPhone("201", rtp, List.of("PCMA"));
        keysAfterPrompts(anna, rtp, "1", "2#");
        assertThat(schema().getHolidays()).as("NP-19: a temporary entry to plan 2")
                .anySatisfy(h -> {
                    assertThat(h.isTemporary()).isTrue();
                    assertThat(h.getPlan()).isEqualTo(2);
                });
        assertThat(awaitTrue(() -> simulatedDestination().contains("\"extension\":\"650\""), Duration.ofSeconds(5)))
                .as("the simulator routes by plan 2 now").isTrue();

        RtpTestPeer again = peer();
        anna.withMedia(again.sdpOffer(List.of("PCMA"), true));
        keysAfterPrompts(anna, again, "3");
        assertThat(schema().getHolidays()).as("NP-21: the temporary entry is gone").noneMatch(h -> h.isTemporary());
        assertThat(schema().getManualOverride()).isNull();
        assertThat(awaitTrue(() -> simulatedDestination().contains("\"extension\":\"600\""), Duration.ofSeconds(5)))
                .as("back to the time schedule").isTrue();
    }

    @Test
    void aPermanentOverrideIsStoredAndWithoutTheRightNothingChanges() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        // NP-17, SYSNUM-T1: without the right the rules refuse 915 before any menu is answered.
        assertThat(cor.call("915").awaitFinal(10).getStatusCode()).isEqualTo(403);
        assertThat(schema().getManualOverride()).isNull();

        RtpTestPeer rtp = peer();
        TestPhone anna = mediaPhone("201", rtp, List.of("PCMA"));
        keysAfterPrompts(anna, rtp, "2", "2#");
        assertThat(schema().getManualOverride()).as("NP-20").isEqualTo(2);
        assertThat(audit.latest(mediaTenant, 10)).as("audited like the same change in the UI (issue 12)")
                .anySatisfy(e -> {
                    assertThat(e.getAction()).isEqualTo("Number plans: change by phone");
                    assertThat(e.getUsername()).isEqualTo("phone 201");
                    assertThat(e.getDetail()).contains("915 schema", "manualOverride");
                });
        RtpTestPeer again = peer();
        anna.withMedia(again.sdpOffer(List.of("PCMA"), true));
        keysAfterPrompts(anna, again, "3");
        assertThat(schema().getManualOverride()).as("NP-21 clears it").isNull();
    }

    @Test
    void anOutsideCallerReachesThePlanMenuThroughTheSystemExtensionWithExtensionAndPin() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone carrier = trunk().withMedia(rtp.sdpOffer(List.of("PCMA"), true));
        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301240915");
        connected(call, rtp);
        int at = 0;
        // SYS-01/02: system extension 851 (TIME_CONFIGURATION) asks who calls, then the 915 menu.
        for (String keys : List.of("201#", "4827#", "2", "2#")) {
            at = awaitPrompt(rtp, at, Duration.ofSeconds(15));
            assertThat(at).as("a prompt before " + keys).isPositive();
            rtp.sendDigits(keys).get(5, TimeUnit.SECONDS);
        }
        assertThat(carrier.byes.poll(20, TimeUnit.SECONDS)).isNotNull();
        assertThat(schema().getManualOverride()).as("NP-20 through SYS-01").isEqualTo(2);
    }
}
