package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.tables.JpaTableVersionStore;
import org.reachpbx.rules.tables.AnalystTables;
import org.reachpbx.rules.tables.DestinationCategory;
import org.reachpbx.rules.tables.TableName;
import org.reachpbx.rules.tables.TableRegistry;
import org.reachpbx.rules.tables.TableSet;
import org.reachpbx.rules.tables.TimeoutKind;
import org.reachpbx.rules.vocabulary.BarringCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The analyst tables over REST on the whole server (embedded database): list, upload a draft,
 * validate (422 with rows), publish, roll back, and a restart sees the published version.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RuleTableApiTest {

    private static final String TIMEOUTS = """
            timeout,seconds,description
            DIGIT_ENTRY,10,
            POSTAL_CODE_ENTRY,10,
            EXTERNAL_RING,%d,
            FORWARD_RING,30,
            """;

    @Autowired
    TestRestTemplate http;
    @Autowired
    TableRegistry registry;
    @Autowired
    Supplier<AnalystTables> analystTables;
    @Autowired
    JpaTableVersionStore store;

    private final ObjectMapper json = new ObjectMapper();

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "demo-admin");
    }

    private JsonNode read(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> csv(HttpMethod method, String url, String text) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        return admin().exchange(url, method, new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    private ResponseEntity<String> post(String url) {
        return admin().exchange(url, HttpMethod.POST, null, String.class);
    }

    private int active() throws Exception {
        return read(admin().getForEntity("/api/rule-tables", String.class)).get("active").asInt();
    }

    @Test
    void theListShowsTheActiveVersion() throws Exception {
        ResponseEntity<String> list = admin().getForEntity("/api/rule-tables", String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = read(list);
        int active = body.get("active").asInt();
        assertThat(active).isEqualTo(registry.activeVersion());
        JsonNode first = body.get("versions").get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("author").asText()).isEqualTo("system");
        assertThat(first.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.get("versions").findValues("state").stream().filter(s -> s.asText().equals("PUBLISHED")))
                .hasSize(1);

        JsonNode detail = read(admin().getForEntity("/api/rule-tables/active", String.class));
        assertThat(detail.get("version").asInt()).isEqualTo(active);
        assertThat(detail.get("active").asBoolean()).isTrue();
        assertThat(detail.at("/tables/region-groups").asText()).isEqualTo("/api/rule-tables/" + active + "/region-groups");

        ResponseEntity<String> regions = admin().getForEntity("/api/rule-tables/1/region-groups", String.class);
        assertThat(regions.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(regions.getBody()).startsWith("prefix,iso2,country,group").contains("Internationaal (Azië)");
    }

    @Test
    void uploadValidatePublishRollbackAndRestart() throws Exception {
        int before = active();
        int ringBefore = analystTables.get().defaultTimeout(TimeoutKind.EXTERNAL_RING);
        AnalystTables callInProgress = analystTables.get();

        // An invalid draft: stored, but it says what is wrong and cannot be published.
        ResponseEntity<String> created = csv(HttpMethod.POST, "/api/rule-tables/drafts?table=default-timeouts",
                TIMEOUTS.formatted(900));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode draft = read(created);
        int number = draft.at("/draft/version").asInt();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/rule-tables/" + number);
        assertThat(draft.at("/draft/state").asText()).isEqualTo("DRAFT");
        assertThat(draft.at("/draft/author").asText()).isEqualTo("admin");
        assertThat(draft.get("valid").asBoolean()).isFalse();

        ResponseEntity<String> invalid = post("/api/rule-tables/drafts/" + number + "/validate");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode violation = read(invalid).get("violations").get(0);
        assertThat(violation.get("table").asText()).isEqualTo("default-timeouts");
        assertThat(violation.get("row").asInt()).isEqualTo(4);
        assertThat(violation.get("column").asText()).isEqualTo("seconds");
        assertThat(violation.get("message").asText()).contains("900 is out of range");

        ResponseEntity<String> refused = post("/api/rule-tables/drafts/" + number + "/publish");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(read(refused).get("error").asText()).contains("active version is unchanged");
        assertThat(read(refused).get("violations").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(active()).isEqualTo(before);
        assertThat(analystTables.get()).isSameAs(callInProgress);

        // Fixed, validated, published.
        ResponseEntity<String> fixed = csv(HttpMethod.PUT, "/api/rule-tables/drafts/" + number + "/default-timeouts",
                TIMEOUTS.formatted(ringBefore + 7));
        assertThat(fixed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(fixed).get("valid").asBoolean()).isTrue();
        ResponseEntity<String> valid = post("/api/rule-tables/drafts/" + number + "/validate");
        assertThat(valid.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(valid).get("valid").asBoolean()).isTrue();

        ResponseEntity<String> published = post("/api/rule-tables/drafts/" + number + "/publish");
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(published).get("active").asInt()).isEqualTo(number);
        assertThat(read(published).at("/version/publishedBy").asText()).isEqualTo("admin");
        assertThat(active()).isEqualTo(number);
        assertThat(analystTables.get().version()).isEqualTo(String.valueOf(number));
        assertThat(analystTables.get().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(ringBefore + 7);
        assertThat(callInProgress.defaultTimeout(TimeoutKind.EXTERNAL_RING)).as("a call keeps its version")
                .isEqualTo(ringBefore);
        assertThat(admin().getForObject("/api/rule-tables/active/default-timeouts", String.class))
                .isEqualTo(TIMEOUTS.formatted(ringBefore + 7));
        assertThat(read(admin().getForEntity("/api/rule-tables/" + before, String.class)).get("state").asText())
                .isEqualTo("RETIRED");

        // A restart: a new registry on the same database.
        TableRegistry restarted = new TableRegistry(store);
        assertThat(restarted.activeVersion()).isEqualTo(number);
        assertThat(restarted.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(ringBefore + 7);

        // Roll back to the previous version, and forward again by number.
        ResponseEntity<String> back = post("/api/rule-tables/rollback");
        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(back).get("active").asInt()).isEqualTo(before);
        assertThat(analystTables.get().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(ringBefore);
        assertThat(new TableRegistry(store).activeVersion()).isEqualTo(before);

        ResponseEntity<String> forward = post("/api/rule-tables/rollback?to=" + number);
        assertThat(forward.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(active()).isEqualTo(number);
    }

    @Test
    void aMultipartUploadReplacesSeveralTables() throws Exception {
        String regions = TableSet.defaults().text(TableName.REGION_GROUPS).orElseThrow()
                .replace("1671,GU,Guam (American territory),Internationaal (Oceanië)",
                        "1671,GU,Guam (American territory),Internationaal (Azië)");
        String alerts = TableSet.defaults().text(TableName.ALERT_INFO).orElseThrow()
                .replace("QUEUE,alert-acd", "QUEUE,alert-queue");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file("region-groups.csv", regions));
        parts.add("alert-info", file("ringtones.csv", alerts));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> created = admin().exchange("/api/rule-tables/drafts", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode draft = read(created);
        assertThat(draft.get("valid").asBoolean()).as(draft.toString()).isTrue();
        int number = draft.at("/draft/version").asInt();
        assertThat(admin().getForObject("/api/rule-tables/" + number + "/region-groups", String.class)).isEqualTo(regions);

        assertThat(post("/api/rule-tables/drafts/" + number + "/publish").getStatusCode()).isEqualTo(HttpStatus.OK);
        AnalystTables tables = analystTables.get();
        assertThat(tables.classify("001671123456").regionGroup()).isEqualTo(BarringCategory.INTERNATIONAL_ASIA);
        assertThat(tables.classify("112").category()).isEqualTo(DestinationCategory.EMERGENCY);
        assertThat(tables.alertInfo(org.reachpbx.rules.tables.CallType.QUEUE)).isEqualTo("alert-queue");
    }

    private static HttpEntity<ByteArrayResource> file(String name, String text) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        ByteArrayResource resource = new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
        return new HttpEntity<>(resource, headers);
    }

    @Test
    void errors() throws Exception {
        assertThat(http.getForEntity("/api/rule-tables", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(admin().getForEntity("/api/rule-tables/9999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().getForEntity("/api/rule-tables/1/no-such-table", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/rule-tables/drafts/1/publish").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("/api/rule-tables/rollback?to=" + active()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        HttpHeaders latin1 = new HttpHeaders();
        latin1.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<String> notUtf8 = admin().exchange("/api/rule-tables/drafts?table=region-groups", HttpMethod.POST,
                new HttpEntity<>("prefix,group\n81,Internationaal (Azië)\n".getBytes(StandardCharsets.ISO_8859_1), latin1),
                String.class);
        assertThat(notUtf8.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(notUtf8).get("violations").get(0).get("message").asText()).contains("not UTF-8");

        ResponseEntity<String> empty = csv(HttpMethod.POST, "/api/rule-tables/drafts?table=alert-info", "");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        int draft = read(csv(HttpMethod.POST, "/api/rule-tables/drafts?table=alert-info",
                "callType,alertInfo\nEMERGENCY_QUEUE,alert-red\n")).at("/draft/version").asInt();
        ResponseEntity<String> rollbackToDraft = post("/api/rule-tables/rollback?to=" + draft);
        assertThat(rollbackToDraft.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode violations = read(post("/api/rule-tables/drafts/" + draft + "/validate")).get("violations");
        assertThat(violations.toString()).contains("RING-02").contains("no row for call type QUEUE");
        assertThat(admin().exchange("/api/rule-tables/drafts/" + draft, HttpMethod.DELETE, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin().getForEntity("/api/rule-tables/" + draft, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
