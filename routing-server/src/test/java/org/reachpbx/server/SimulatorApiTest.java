package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The routing simulator over HTTP against the demo tenant (loaded at start-up in the test profile). */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SimulatorApiTest {

    @Autowired
    TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();
    private long demo;

    @BeforeEach
    void findDemoTenant() throws Exception {
        JsonNode tenants = json.readTree(http.withBasicAuth("admin", "demo-admin")
                .getForEntity("/api/tenants", String.class).getBody());
        for (JsonNode t : tenants) {
            if (t.get("name").asText().equals("Demo BV")) {
                demo = t.get("id").asLong();
            }
        }
        assertThat(demo).as("demo tenant id").isPositive();
    }

    private ResponseEntity<String> simulate(TestRestTemplate client, long tenant, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity("/api/tenants/" + tenant + "/simulate", new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> simulate(String body) {
        return simulate(http.withBasicAuth("admin", "demo-admin"), demo, body);
    }

    @Test
    void germanCallerOnDirectLineRingsDevicesThenVoicemailAfter15Seconds() throws Exception {
        ResponseEntity<String> r = simulate("""
                {"from": "trunk", "caller": "+49301234567", "dialled": "+31201110001", "time": "2026-11-24T10:00"}""");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(r.getBody());
        assertThat(body.get("timeZone").asText()).isEqualTo("Europe/Amsterdam");
        JsonNode d = body.get("decision");
        assertThat(d.get("outcome").asText()).isEqualTo("RING");
        assertThat(d.get("noAnswerTimeout").asInt()).isEqualTo(15);
        assertThat(d.at("/ring/0/targets/0/device").asText()).isEqualTo("Bureautoestel");
        assertThat(d.at("/ring/1/targets/0/device").asText()).isEqualTo("Mobiel");
        assertThat(d.at("/onNoAnswer/media/kind").asText()).isEqualTo("PERSONAL_VOICEMAIL");
        assertThat(d.at("/presentation/callerId").asText()).isEqualTo("0049301234567");
        assertThat(d.at("/headers/Alert-Info").asText()).isEqualTo("alert-community-2");
        assertThat(d.get("trace").findValuesAsText("requirement"))
                .contains("REACH-05", "REACH-07", "REACH-02", "REACH-04", "REACH-14", "REACH-12");
    }

    @Test
    void barredOutgoingCallIsRefusedWithItsReason() throws Exception {
        JsonNode d = json.readTree(simulate("""
                {"from": "device", "callerExtension": "202", "channel": "bakker-bureau",
                 "dialled": "0906123456", "time": "2026-11-24T10:00"}""").getBody()).get("decision");
        assertThat(d.get("outcome").asText()).isEqualTo("REJECT");
        assertThat(d.at("/reject/cause").asText()).isEqualTo("BARRED");
        assertThat(d.at("/reject/sipStatus").asInt()).isEqualTo(403);
        assertThat(d.get("destinationCategory").asText()).isEqualTo("PREMIUM_0906");
    }

    @Test
    void scheduleGapsAreReportedAsConfigurationWarnings() throws Exception {
        TestRestTemplate admin = http.withBasicAuth("admin", "demo-admin");
        JsonNode demoWarnings = json.readTree(admin.getForEntity("/api/tenants/" + demo + "/warnings", String.class).getBody());
        assertThat(demoWarnings.get("warnings")).as("the demo schedules a fallback plan for the whole week").isEmpty();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("../testdata/golden/tenants/schedules.yaml"));
        ResponseEntity<String> imported = admin.postForEntity("/api/tenants", new HttpEntity<>(yaml, headers), String.class);
        assertThat(imported.getStatusCode().is2xxSuccessful()).as(imported.getBody()).isTrue();
        long id = json.readTree(imported.getBody()).get("id").asLong();
        JsonNode warnings = json.readTree(admin.getForEntity("/api/tenants/" + id + "/warnings", String.class).getBody());
        assertThat(warnings.get("warnings").toString()).contains("schema 3").contains("NP-14");
    }

    @Test
    void aTimeWithAnOffsetIsThatMoment() throws Exception {
        String call = "{\"from\": \"trunk\", \"caller\": \"+49301234567\", \"dialled\": \"+31201110001\", \"time\": ";
        // 10:00+01:00 is 10:00 in Amsterdam in winter: the same decision as the local time.
        JsonNode withOffset = json.readTree(simulate(call + "\"2026-12-01T10:00+01:00\"}").getBody()).get("decision");
        JsonNode local = json.readTree(simulate(call + "\"2026-12-01T10:00\"}").getBody()).get("decision");
        assertThat(withOffset).isNotNull().isEqualTo(local);
        // 20:00Z is 21:00 in Amsterdam: evening, another decision than the morning's.
        JsonNode evening = json.readTree(simulate(call + "\"2026-12-01T20:00Z\"}").getBody()).get("decision");
        assertThat(evening).isNotNull().isNotEqualTo(local);
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        ResponseEntity<String> noDialled = simulate("{\"from\": \"trunk\", \"caller\": \"0101234567\"}");
        assertThat(noDialled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(noDialled.getBody()).get("error").asText()).contains("dialled");

        ResponseEntity<String> badFrom = simulate("{\"from\": \"moon\", \"dialled\": \"0201110000\"}");
        assertThat(badFrom.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> misspelt = simulate("{\"dialled\": \"0201110000\", \"tme\": \"2026-11-24T10:00\"}");
        assertThat(misspelt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(misspelt.getBody()).get("error").asText()).contains("tme");

        ResponseEntity<String> brokenJson = simulate("{\"dialled\": ");
        assertThat(brokenJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(brokenJson.getBody()).get("error").asText())
                .startsWith("the request cannot be read").contains("line 1");

        ResponseEntity<String> badTime = simulate("{\"dialled\": \"0201110000\", \"time\": \"tuesday\"}");
        assertThat(badTime.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badTime.getBody()).get("error").asText()).contains("tuesday");

        ResponseEntity<String> both = simulate("{\"dialled\": \"0201110000\", \"time\": \"2026-11-24T10:00\","
                + " \"instant\": \"2026-11-24T09:00:00Z\"}");
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(both.getBody()).get("error").asText()).contains("either time").contains("not both");

        // Spring forward in Amsterdam: 29 March 2026, 02:00 -> 03:00; 02:30 does not exist.
        ResponseEntity<String> gap = simulate("{\"dialled\": \"0201110000\", \"time\": \"2026-03-29T02:30\"}");
        assertThat(gap.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(gap.getBody()).get("error").asText())
                .contains("2026-03-29T02:30 does not exist in Europe/Amsterdam").contains("02:00 to 03:00");

        ResponseEntity<String> unknownTenant = simulate(http.withBasicAuth("admin", "demo-admin"), 999_999,
                "{\"dialled\": \"0201110000\"}");
        assertThat(unknownTenant.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> anonymous = simulate(http, demo, "{\"dialled\": \"0201110000\"}");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
