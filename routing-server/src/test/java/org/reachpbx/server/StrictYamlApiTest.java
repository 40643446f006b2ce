package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15, item 14 over REST: what YAML allows but a tenant document refuses (an alias, a second
 * document, bytes that are not UTF-8, a fraction for a whole number) is a 400 naming the line, and
 * nothing is stored. The cases one by one: StrictTenantYamlTest in the directory module.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StrictYamlApiTest {

    private static final String TENANT = """
            name: Strikt BV
            sipDomain: strikt.reachpbx.test
            extensionLength: 3
            emergencyFallbackCallerId: "0301110000"
            numbers:
              - number: "0301110000"
            users:
              - number: "201"
                name: &naam Piet
                pin: "4827"
            """;

    @Autowired
    TestRestTemplate http;

    @Test
    void eachStrictnessRuleIsA400WithTheLineAndNothingIsStored() throws Exception {
        assertRefused(TENANT + "  - number: \"202\"\n    name: *naam\n    pin: \"4827\"\n", "aliases", "(line 12)");
        assertRefused(TENANT + "---\nname: Tweede BV\n", "second document", "(line 12)");
        assertRefused(TENANT.replace("extensionLength: 3", "extensionLength: 3\nexternalCallLimit: 29.9"), "29.9",
                "(line 4)");
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes(TENANT.getBytes(StandardCharsets.UTF_8));
        latin1.writeBytes("  - number: \"202\"\n    name: Zo".getBytes(StandardCharsets.UTF_8));
        latin1.write(0xEB);
        latin1.writeBytes("\n    pin: \"4827\"\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(latin1.toByteArray(), "not UTF-8", "(line 12)");

        assertThat(http.withBasicAuth("admin", "demo-admin").getForObject("/api/tenants", String.class))
                .doesNotContain("Strikt BV");
    }

    private void assertRefused(Object document, String reason, String line) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        byte[] body = document instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) document;
        ResponseEntity<String> answer = http.withBasicAuth("admin", "demo-admin")
                .exchange("/api/tenants", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        JsonNode message = new ObjectMapper().readTree(answer.getBody()).at("/violations/0/message");
        assertThat(message.asText()).contains(reason).contains(line);
    }
}
