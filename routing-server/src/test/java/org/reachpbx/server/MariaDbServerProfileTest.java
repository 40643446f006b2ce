package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.testsupport.MariaDbTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server with the production profile {@code mariadb}: it starts against MariaDB, migrates the
 * schema, reports the database in its health, does not import the demo tenant, and stores the
 * shipped analyst tables as version 1. Runs like the directory module's MariaDB tests (see
 * {@link MariaDbTestDatabase}), on its own database {@code <test database>_server}.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pbx.admin.password=profile-test-secret", "pbx.sip.host=127.0.0.1", "pbx.sip.port=0",
                "pbx.security.secret-key=3q2+7wABAgMEBQYHCAkKCw=="})
@ActiveProfiles("mariadb")
@EnabledIf("mariaDbWanted")
class MariaDbServerProfileTest {

    @Autowired
    TestRestTemplate http;

    static boolean mariaDbWanted() {
        return MariaDbTestDatabase.wanted();
    }

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) throws SQLException {
        MariaDbTestDatabase.useFreshDatabase(registry, "_server");
    }

    @Test
    void startsOnMariaDbWithHealthUpAndWithoutTheDemoTenant() throws Exception {
        JsonNode health = new ObjectMapper().readTree(http.withBasicAuth("admin", "profile-test-secret")
                .getForObject("/actuator/health", String.class));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("MariaDB");

        assertThat(http.withBasicAuth("admin", "demo-admin").getForEntity("/api/tenants", String.class)
                .getStatusCode().value()).as("the demo password is not valid in production").isEqualTo(401);
        assertThat(http.withBasicAuth("admin", "profile-test-secret").getForObject("/api/tenants", String.class))
                .isEqualTo("[]");
    }

    @Test
    void keepsAVoicemailMessageAndItsAudioOnMariaDb() throws Exception {
        TestRestTemplate admin = http.withBasicAuth("admin", "profile-test-secret");
        HttpHeaders yaml = new HttpHeaders();
        yaml.setContentType(MediaType.parseMediaType("application/yaml"));
        JsonNode tenant = new ObjectMapper().readTree(admin.postForObject("/api/tenants", new HttpEntity<>("""
                name: Voicemail MariaDB BV
                sipDomain: vm-mariadb.reachpbx.test
                extensionLength: 3
                emergencyFallbackCallerId: "0301110000"
                numbers:
                  - number: "0301110000"
                users:
                  - number: "201"
                    name: Zoë
                    pin: "4827"
                numberPlanSchemas:
                  - number: 1
                    name: Hoofdschema
                """, yaml), String.class));
        long id = tenant.get("id").asLong();
        byte[] wav = IntegrationsApiTest.wav(8000, 30);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("audio", new ByteArrayResource(wav) {
            @Override
            public String getFilename() {
                return "m.wav";
            }
        });
        form.add("callerName", "Zoë ☎");
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> created = admin.postForEntity("/api/tenants/" + id + "/voicemail/201/messages",
                new HttpEntity<>(form, multipart), String.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode message = new ObjectMapper().readTree(created.getBody());
        assertThat(message.get("callerName").asText()).isEqualTo("Zoë ☎");
        assertThat(admin.getForObject(message.get("audio").asText(), byte[].class)).isEqualTo(wav);
    }

    @Test
    void storesTheDefaultAnalystTablesOnMariaDb() throws Exception {
        JsonNode tables = new ObjectMapper().readTree(http.withBasicAuth("admin", "profile-test-secret")
                .getForObject("/api/rule-tables", String.class));
        assertThat(tables.get("active").asInt()).isEqualTo(1);
        assertThat(tables.at("/versions/0/state").asText()).isEqualTo("PUBLISHED");
        assertThat(http.withBasicAuth("admin", "profile-test-secret")
                .getForObject("/api/rule-tables/1/region-groups", String.class)).contains("Internationaal (Oceanië)");
    }
}
