package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The Prometheus scrape (issue 17, docs/operations.md): after a real answered call the counters
 * of calls ended, SIP messages received and routing decisions have moved, the gauges (calls in
 * progress, registrations, outbox, database pool) are there, and only the platform admin may scrape.
 */
// Spring Boot turns metrics export off in tests unless asked (its own context, then).
@AutoConfigureObservability
class PrometheusMetricsTest extends WireTestSupport {

    @Autowired
    TestRestTemplate anonymous;

    private String scrape() {
        ResponseEntity<String> r = anonymous.withBasicAuth("admin", "demo-admin")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    /** The value of one sample, e.g. {@code pbx_calls_ended_total{disposition="ANSWERED",type="EXTERNAL"}}; 0 when absent. */
    private static double sample(String scrape, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        double sum = 0;
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void aCallMovesTheCountersAndTheGaugesAreThere() throws Exception {
        String before = scrape();
        TestPhone bram = phone("202").answering(Answering.ANSWER);
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230002");
        Response ok = call.awaitFinal(5);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        call.ack();
        assertThat(sample(scrape(), "pbx_calls_in_progress")).as("the call is up").isGreaterThanOrEqualTo(1);
        call.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        waitUntilNoCalls();

        String after = scrape();
        String[] answered = {"disposition=\"ANSWERED\"", "type=\"EXTERNAL\""};
        assertThat(sample(after, "pbx_calls_ended_total", answered) - sample(before, "pbx_calls_ended_total", answered))
                .isEqualTo(1);
        assertThat(sample(after, "pbx_calls_in_progress")).isZero();
        assertThat(sample(after, "pbx_routing_decision_seconds_count")
                - sample(before, "pbx_routing_decision_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("pbx_routing_decision_seconds_bucket{");
        String[] invite = {"method=\"INVITE\""};
        assertThat(sample(after, "pbx_sip_requests_received_total", invite)
                - sample(before, "pbx_sip_requests_received_total", invite)).isGreaterThanOrEqualTo(1);
        String[] bye = {"method=\"BYE\""};
        assertThat(sample(after, "pbx_sip_requests_received_total", bye)
                - sample(before, "pbx_sip_requests_received_total", bye)).isGreaterThanOrEqualTo(1);
        String[] invite2xx = {"method=\"INVITE\"", "status=\"2xx\""};
        assertThat(sample(after, "pbx_sip_responses_received_total", invite2xx)
                - sample(before, "pbx_sip_responses_received_total", invite2xx)).isGreaterThanOrEqualTo(1);
        assertThat(sample(after, "pbx_registrations")).as("202 is registered").isGreaterThanOrEqualTo(1);
        assertThat(after).contains("pbx_outbox_messages{state=\"PENDING\"}").contains("pbx_cdr_dropped_total")
                .contains("hikaricp_connections");
    }

    @Test
    void onlyThePlatformAdminMayScrape() {
        assertThat(anonymous.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.withBasicAuth("admin", "wrong").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }
}
