package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
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
 * The integrations over REST against the demo tenant: voicemail deposit and messages, webhook
 * endpoints, the outbox with a dead letter sent again to a local HTTP server, and CRM contacts.
 * No SMTP server or SMSC is configured here, as on a fresh `./run`: their messages wait.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pbx.integrations.outbox.poll-interval=100ms", "pbx.integrations.outbox.max-attempts=1"})
@ActiveProfiles("test")
class IntegrationsApiTest {

    @Autowired
    TestRestTemplate anonymous;

    private TestRestTemplate http;
    private final ObjectMapper json = new ObjectMapper();
    private long demo;

    @BeforeEach
    void findDemoTenant() throws Exception {
        http = anonymous.withBasicAuth("admin", "demo-admin");
        for (JsonNode t : json.readTree(http.getForObject("/api/tenants", String.class))) {
            if (t.get("name").asText().equals("Demo BV")) {
                demo = t.get("id").asLong();
            }
        }
        assertThat(demo).isPositive();
    }

    static byte[] wav(int rate, double seconds) {
        int samples = (int) (rate * seconds);
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return b.array();
    }

    private ResponseEntity<String> deposit(TestRestTemplate client, String box, byte[] audio, String caller) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (audio != null) {
            form.add("audio", new ByteArrayResource(audio) {
                @Override
                public String getFilename() {
                    return "message.wav";
                }
            });
        }
        form.add("caller", caller);
        form.add("receivedAt", "2026-11-24T09:15:00Z");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.postForEntity("/api/tenants/" + demo + "/voicemail/" + box + "/messages",
                new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> send(HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void depositListPlayMarkOldAndDelete() throws Exception {
        byte[] audio = wav(8000, 3);
        ResponseEntity<String> created = deposit(http, "202", audio, "0201234567");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode m = json.readTree(created.getBody());
        long id = m.get("id").asLong();
        assertThat(m.get("box").asText()).isEqualTo("202");
        assertThat(m.get("callerNumber").asText()).isEqualTo("0201234567");
        assertThat(m.get("durationMillis").asLong()).isEqualTo(3000);
        assertThat(m.get("state").asText()).isEqualTo("NEW");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/tenants/" + demo + "/voicemail/202/messages/" + id);

        String base = "/api/tenants/" + demo + "/voicemail/202/messages";
        assertThat(json.readTree(http.getForObject(base + "?state=NEW", String.class)).findValuesAsText("id"))
                .contains(String.valueOf(id));
        ResponseEntity<byte[]> played = http.getForEntity(base + "/" + id + "/audio", byte[].class);
        assertThat(played.getHeaders().getContentType()).hasToString("audio/wav");
        assertThat(played.getBody()).isEqualTo(audio);

        JsonNode old = json.readTree(http.postForObject(base + "/" + id + "/mark-old", null, String.class));
        assertThat(old.get("state").asText()).isEqualTo("OLD");

        // No SMTP server is configured: the e-mail waits, counted as no attempt, with the reason.
        JsonNode pending = json.readTree(http.getForObject("/api/outbox?state=PENDING&channel=EMAIL&tenant=" + demo,
                String.class));
        JsonNode email = null;
        for (JsonNode o : pending) {
            if (o.get("voicemailMessageId").asLong() == id) {
                email = o;
            }
        }
        assertThat(email).isNotNull();
        assertThat(email.get("destination").asText()).isEqualTo("m.bakker@demobv.example");
        final long emailId = email.get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> json.readTree(
                http.getForObject("/api/outbox/" + emailId, String.class)).get("lastError").asText()
                .contains("no SMTP server is configured"));
        assertThat(json.readTree(http.getForObject("/api/outbox/" + emailId, String.class)).get("attempts").asInt())
                .isZero();

        assertThat(http.exchange(base + "/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity(base + "/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void wrongAudioAndUnknownBoxesAreRefusedWithAReason() throws Exception {
        ResponseEntity<String> rate = deposit(http, "202", wav(16000, 1), null);
        assertThat(rate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(rate.getBody()).get("error").asText())
                .isEqualTo("the WAV is sampled at 16000 Hz; voicemail audio must be 8000 Hz (8 kHz)");
        ResponseEntity<String> mp3 = deposit(http, "202", "ID3 not a wav".getBytes(StandardCharsets.US_ASCII), null);
        assertThat(mp3.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(mp3.getBody()).get("error").asText()).contains("not a WAV file");
        assertThat(deposit(http, "202", null, "0201234567").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> ivr = deposit(http, "700", wav(8000, 1), null);
        assertThat(ivr.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(ivr.getBody()).get("error").asText()).contains("has no voicemail box 700");
        assertThat(deposit(anonymous, "202", wav(8000, 1), null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void webhookEndpointsNeverShowTheirSecret() throws Exception {
        String base = "/api/tenants/" + demo + "/webhooks";
        ResponseEntity<String> created = send(HttpMethod.POST, base, """
                {"url": "https://crm.example/hooks", "secret": "0123456789abcdef-secret", "events": ["RINGING", "ended"]}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).doesNotContain("0123456789abcdef-secret");
        JsonNode e = json.readTree(created.getBody());
        assertThat(e.get("secretSet").asBoolean()).isTrue();
        assertThat(e.get("events").toString()).isEqualTo("[\"RINGING\",\"ENDED\"]");
        long id = e.get("id").asLong();

        JsonNode updated = json.readTree(send(HttpMethod.PUT, base + "/" + id, """
                {"url": "https://crm.example/v2/hooks", "enabled": false}""").getBody());
        assertThat(updated.get("url").asText()).isEqualTo("https://crm.example/v2/hooks");
        assertThat(updated.get("enabled").asBoolean()).isFalse();
        assertThat(updated.get("events")).isEmpty();

        assertThat(send(HttpMethod.POST, base, "{\"url\": \"ftp://x\", \"secret\": \"0123456789abcdef\"}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> unknown = send(HttpMethod.POST, base,
                "{\"url\": \"http://x.example\", \"secret\": \"0123456789abcdef\", \"events\": [\"HUNG_UP\"]}");
        assertThat(json.readTree(unknown.getBody()).get("error").asText()).contains("unknown event type 'HUNG_UP'");
        assertThat(send(HttpMethod.POST, base, "{\"url\": \"http://x.example\", \"secret\": \"short\"}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(http.exchange(base + "/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity(base + "/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDeadWebhookIsListedAndRetriedThroughRest() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        JsonNode endpoint = json.readTree(send(HttpMethod.POST, "/api/tenants/" + demo + "/webhooks",
                "{\"url\": \"http://127.0.0.1:" + port + "/crm\", \"secret\": \"dead-letter-secret-123\","
                        + " \"events\": [\"VOICEMAIL_LEFT\"]}").getBody());
        deposit(http, "600", wav(8000, 1), "0207770000");
        // max-attempts is 1 here: the CRM is down, so the webhook is DEAD after its first attempt.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deadWebhooks(endpoint.get("id").asLong()).size() == 1);
        JsonNode dead = deadWebhooks(endpoint.get("id").asLong()).get(0);
        assertThat(dead.get("attempts").asInt()).isEqualTo(1);
        assertThat(dead.get("lastError").asText()).contains("Connect to http://127.0.0.1:" + port);
        long id = dead.get("id").asLong();

        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer crm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5);
        crm.createContext("/crm", x -> {
            received.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        crm.start();
        try {
            ResponseEntity<String> retried = http.postForEntity("/api/outbox/" + id + "/retry", null, String.class);
            assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(retried.getBody()).get("state").asText()).isEqualTo("PENDING");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> json.readTree(
                    http.getForObject("/api/outbox/" + id, String.class)).get("state").asText().equals("DELIVERED"));
            assertThat(received).hasSize(1);
            assertThat(json.readTree(received.get(0)).at("/call/caller/number").asText()).isEqualTo("0207770000");
            ResponseEntity<String> again = http.postForEntity("/api/outbox/" + id + "/retry", null, String.class);
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json.readTree(again.getBody()).get("error").asText()).contains("only a DEAD message");
        } finally {
            crm.stop(0);
        }
        assertThat(http.getForEntity("/api/outbox/999999999", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<JsonNode> deadWebhooks(long endpoint) throws IOException {
        List<JsonNode> result = new java.util.ArrayList<>();
        for (JsonNode o : json.readTree(http.getForObject("/api/outbox?state=DEAD&channel=WEBHOOK", String.class))) {
            if (o.get("webhookEndpointId").asLong() == endpoint) {
                result.add(o);
            }
        }
        return result;
    }

    @Test
    void crmContactsBecomeCallClassContactsAndInvalidOnesAreRefused() throws Exception {
        String url = "/api/tenants/" + demo + "/users/201/call-classes/VIP customers/contacts";
        ResponseEntity<String> put = send(HttpMethod.PUT, url, """
                {"contacts": [{"name": "Van Dijk", "number": "+31 10 456 7890"}, {"name": "Smit", "number": "0301234500"}]}""");
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(put.getBody()).get("contacts").findValuesAsText("number"))
                .containsExactly("0104567890", "0301234500");
        JsonNode merged = json.readTree(send(HttpMethod.POST, url,
                "{\"contacts\": [{\"name\": \"Nieuw\", \"number\": \"0612340000\"}]}").getBody());
        assertThat(merged.get("contacts")).hasSize(3);
        String export = http.getForObject("/api/tenants/" + demo + "/export", String.class);
        assertThat(export).contains("VIP customers").contains("0612340000");

        ResponseEntity<String> invalid = send(HttpMethod.PUT, url, "{\"contacts\": [{\"name\": \"Kort\", \"number\": \"12\"}]}");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(invalid.getBody()).at("/violations/0/path").asText()).endsWith(".contacts[0].number");
        assertThat(http.getForObject("/api/tenants/" + demo + "/export", String.class)).contains("0612340000");

        assertThat(send(HttpMethod.PUT, "/api/tenants/" + demo + "/users/299/call-classes/X/contacts",
                "{\"contacts\": []}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void contactPullIsOffUntilConfiguredAndKeepsItsTokenSecret() throws Exception {
        String url = "/api/tenants/" + demo + "/contact-pull";
        assertThat(http.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.PUT, url, "{\"url\": \"https://crm.example/contacts\", \"intervalSeconds\": 5}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> put = send(HttpMethod.PUT, url, """
                {"url": "https://crm.example/contacts", "authorization": "Bearer very-secret", "intervalSeconds": 3600,
                 "enabled": false}""");
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(put.getBody()).doesNotContain("very-secret");
        JsonNode pull = json.readTree(http.getForObject(url, String.class));
        assertThat(pull.get("authorizationSet").asBoolean()).isTrue();
        assertThat(pull.get("intervalSeconds").asInt()).isEqualTo(3600);
        assertThat(http.exchange(url, HttpMethod.DELETE, null, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
