package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.server.demo.DemoTenantLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole server on a random port with the embedded database: the demo tenant is imported at
 * start, health is UP with the database, the REST API imports and exports YAML behind a login, and
 * refuses invalid documents without storing anything.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ServerApplicationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TenantRepository tenants;
    @Autowired
    DemoTenantLoader demoLoader;

    private final ObjectMapper json = new ObjectMapper();

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "demo-admin");
    }

    private ResponseEntity<String> postYaml(String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return admin().exchange("/api/tenants", HttpMethod.POST, new HttpEntity<>(yaml, headers), String.class);
    }

    private long demoId() throws Exception {
        JsonNode list = json.readTree(admin().getForObject("/api/tenants", String.class));
        for (JsonNode t : list) {
            if (t.get("name").asText().equals("Demo BV")) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("the demo tenant was not imported at start-up: " + list);
    }

    @Test
    void healthIsUpWithTheDatabaseAndNeedsNoLogin() throws Exception {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(health.getBody());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        JsonNode details = json.readTree(admin().getForObject("/actuator/health", String.class));
        assertThat(details.at("/components/db/status").asText()).isEqualTo("UP");
    }

    @Test
    void healthDetailsAreOnlyForThePlatformAdmin() throws Exception {
        // Issue 15, item 16: the database product, disk paths and the like are for the admin only.
        JsonNode anonymous = json.readTree(http.getForObject("/actuator/health", String.class));
        assertThat(anonymous.has("components")).as(anonymous.toString()).isFalse();
        JsonNode tenantAdmin = json.readTree(http.withBasicAuth("tenantadmin", "demo-tenant")
                .getForObject("/actuator/health", String.class));
        assertThat(tenantAdmin.has("components")).as(tenantAdmin.toString()).isFalse();
        JsonNode admin = json.readTree(admin().getForObject("/actuator/health", String.class));
        assertThat(admin.at("/components/db/details/database").asText()).isEqualTo("H2");
    }

    @Test
    void theApiNeedsThePlatformAdmin() {
        assertThat(http.getForEntity("/api/tenants", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "wrong").getForEntity("/api/tenants", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(admin().getForEntity("/api/tenants", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theDemoTenantExportsAndReimportsIdentically() throws Exception {
        long id = demoId();
        ResponseEntity<String> export = admin().getForEntity("/api/tenants/" + id + "/export", String.class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().toString()).startsWith("application/yaml");
        assertThat(export.getBody()).contains("name: Demo BV").contains("pinHash:").doesNotContain("password:");

        ResponseEntity<String> reimport = postYaml(export.getBody());
        assertThat(reimport.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(reimport.getBody()).get("replaced").asBoolean()).isTrue();
        assertThat(admin().getForObject("/api/tenants/" + id + "/export", String.class)).isEqualTo(export.getBody());
    }

    @Test
    void aNewTenantIsCreatedWith201() throws Exception {
        ResponseEntity<String> created = postYaml("""
                name: Nieuw BV
                sipDomain: nieuw.reachpbx.test
                extensionLength: 4
                emergencyFallbackCallerId: "0401110000"
                numbers:
                  - number: "0401110000"
                numberPlanSchemas:
                  - number: 1
                    name: Nieuw BV
                """);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = json.readTree(created.getBody()).get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/tenants/" + id);
        assertThat(admin().getForObject("/api/tenants/" + id + "/export", String.class)).contains("extensionLength: 4");
    }

    @Test
    void aTenantCanBeDeleted() throws Exception {
        ResponseEntity<String> created = postYaml("""
                name: Weg BV
                sipDomain: weg.reachpbx.test
                extensionLength: 3
                emergencyFallbackCallerId: "0501110000"
                numbers:
                  - number: "0501110000"
                numberPlanSchemas:
                  - number: 1
                    name: Weg BV
                """);
        long id = json.readTree(created.getBody()).get("id").asLong();
        assertThat(admin().exchange("/api/tenants/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin().getForEntity("/api/tenants/" + id + "/export", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().exchange("/api/tenants/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anInvalidTenantIsRefusedWithPathsAndNothingIsStored() throws Exception {
        long before = tenants.count();
        ResponseEntity<String> refused = postYaml("""
                name: Fout BV
                sipDomain: fout.reachpbx.test
                extensionLength: 3
                emergencyFallbackCallerId: "0401110000"
                externalCallLimit: 6
                numbers:
                  - number: "0401110000"
                users:
                  - number: "201"
                    name: Jansen
                    pin: "1234"
                numberPlanSchemas:
                  - number: 1
                    name: Fout BV
                """);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode body = json.readTree(refused.getBody());
        assertThat(body.get("error").asText()).contains("nothing was stored");
        assertThat(body.get("violations").toString())
                .contains("\"path\":\"externalCallLimit\"")
                .contains("\"path\":\"users[0].pin\"").contains("insecure");
        assertThat(tenants.count()).isEqualTo(before);
    }

    @Test
    void anUnreadableDocumentIs400WithTheLine() throws Exception {
        ResponseEntity<String> refused = postYaml("""
                name: Typo BV
                sipDomein: typo.reachpbx.test
                """);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(refused.getBody()).get("violations").get(0).get("message").asText())
                .contains("unknown field 'sipDomein'").contains("line 2");
    }

    @Test
    void anEmptyBodyIs400() throws Exception {
        ResponseEntity<String> refused = postYaml(null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(refused.getBody()).get("violations").get(0).get("message").asText())
                .isEqualTo("the document is empty");
    }

    @Test
    void anUnknownTenantIs404() {
        assertThat(admin().getForEntity("/api/tenants/999999/export", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theDemoLoaderNeverOverwritesAnExistingTenant() throws Exception {
        long id = demoId();
        String export = admin().getForObject("/api/tenants/" + id + "/export", String.class);
        String changed = export.replace("externalCallLimit: 3", "externalCallLimit: 4");
        assertThat(postYaml(changed).getStatusCode()).isEqualTo(HttpStatus.OK);

        demoLoader.run(new DefaultApplicationArguments());

        assertThat(admin().getForObject("/api/tenants/" + id + "/export", String.class)).contains("externalCallLimit: 4");
        assertThat(postYaml(export).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theAdminUiIsServedBelowUiAndUnknownPathsStay404() {
        ResponseEntity<String> ui = admin().getForEntity("/ui/", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).containsIgnoringCase("<!doctype html>");
        // The page loads Vaadin's production bundle, packed into the jar at build time.
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"")
                .matcher(ui.getBody());
        assertThat(script.find()).as("the page references the production bundle").isTrue();
        ResponseEntity<String> bundle = admin().getForEntity("/ui/" + script.group(1), String.class);
        assertThat(bundle.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bundle.getBody()).hasSizeGreaterThan(1000);
        assertThat(admin().getForEntity("/nothing-here", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
