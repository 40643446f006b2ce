package org.reachpbx.integrations.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.directory.integrations.WebhookEndpoint;
import org.reachpbx.integrations.IntegrationTest;
import org.reachpbx.integrations.events.CallEvent;
import org.reachpbx.integrations.events.CallEventPublisher;
import org.reachpbx.integrations.events.CallEventType;
import org.reachpbx.integrations.outbox.Outbox;
import org.reachpbx.integrations.peers.TestCrm;
import org.springframework.beans.factory.annotation.Autowired;

/** CRM webhooks (CRM-02, CRM-T1) against a local HTTP server: delivery, signature, retry, dead letter. */
class CrmWebhookTest extends IntegrationTest {

    private static final String SECRET = "crm-shared-secret-0123456789";

    @Autowired
    CallEventPublisher events;
    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    OutboxMessageRepository outbox;
    @Autowired
    Outbox outboxService;

    private final ObjectMapper json = new ObjectMapper();
    private TestCrm crm;

    @AfterEach
    void stopCrm() {
        if (crm != null) {
            crm.close();
        }
    }

    private WebhookEndpoint endpoint(Set<String> types) {
        return endpoints.create(demo, new WebhookEndpoints.Settings("http://127.0.0.1:" + CRM_PORT + "/hooks/calls",
                SECRET, types, true, "test CRM"));
    }

    private CallEvent.Builder event(CallEventType type, String callId) {
        return CallEvent.of(type, demo, "201", Instant.parse("2026-11-24T09:00:00Z")).callId(callId)
                .caller("0201234567", "Van Dijk").called("0201110001");
    }

    private List<OutboxMessage> webhooks() {
        return outbox.findAll().stream().filter(o -> o.getChannel() == OutboxChannel.WEBHOOK
                && o.getState().name().matches("PENDING|DELIVERED")).toList();
    }

    private List<TestCrm.Request> received(String callId) {
        return crm.requests().stream().filter(r -> r.body().contains("\"" + callId + "\"")).toList();
    }

    @Test
    void crmT1_ringingAnsweredEndedWithDurationSignedAndKeyed() throws Exception {
        crm = new TestCrm(CRM_PORT);
        endpoint(Set.of());
        Instant start = Instant.parse("2026-11-24T09:00:00Z");
        assertThat(events.publish(event(CallEventType.RINGING, "crm-t1").startedAt(start).build())).isEqualTo(1);
        eventually().until(() -> received("crm-t1").size() == 1);
        events.publish(event(CallEventType.ANSWERED, "crm-t1").startedAt(start).answeredAt(start.plusSeconds(5)).build());
        eventually().until(() -> received("crm-t1").size() == 2);
        events.publish(event(CallEventType.ENDED, "crm-t1").startedAt(start).answeredAt(start.plusSeconds(5))
                .endedAt(start.plusSeconds(125)).durationSeconds(120L).build());
        eventually().until(() -> received("crm-t1").size() == 3);

        List<TestCrm.Request> requests = received("crm-t1");
        assertThat(requests).extracting(r -> json.readTree(r.body()).get("type").asText())
                .containsExactly("RINGING", "ANSWERED", "ENDED");
        for (TestCrm.Request r : requests) {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/hooks/calls");
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.header("X-ReachPBX-Signature"))
                    .isEqualTo(WebhookSignature.sign(SECRET, r.body().getBytes(StandardCharsets.UTF_8)));
            JsonNode body = json.readTree(r.body());
            assertThat(r.header("X-ReachPBX-Idempotency-Key")).isEqualTo(body.get("id").asText());
            assertThat(r.header("X-ReachPBX-Event")).isEqualTo(body.get("type").asText());
            assertThat(body.get("schema").asText()).isEqualTo("reachpbx.call-event.v1");
            assertThat(body.at("/tenant/name").asText()).isEqualTo("Demo BV");
            assertThat(body.at("/extension/number").asText()).isEqualTo("201");
            assertThat(body.at("/extension/name").asText()).isEqualTo("Dhr. Jansen");
            assertThat(body.at("/call/caller/number").asText()).isEqualTo("0201234567");
            assertThat(body.at("/call/caller/name").asText()).isEqualTo("Van Dijk");
        }
        JsonNode ended = json.readTree(requests.get(2).body());
        assertThat(ended.at("/call/durationSeconds").asLong()).isEqualTo(120);
        assertThat(ended.at("/call/endedAt").asText()).isEqualTo("2026-11-24T09:02:05Z");
    }

    @Test
    void eventsOfAUserWithoutConnectCrmAndFilteredTypesAreNotSent() {
        endpoint(Set.of("MISSED"));
        // 202 has no Connect CRM add-on (CRM-01).
        assertThat(events.publish(CallEvent.of(CallEventType.MISSED, demo, "202", Instant.now()).build())).isZero();
        // 201 has it, but the endpoint only wants MISSED.
        assertThat(events.publish(event(CallEventType.RINGING, "filtered").build())).isZero();
        assertThat(events.publish(event(CallEventType.MISSED, "filtered").build())).isEqualTo(1);
    }

    @Test
    void crmDownThenUpDeliversExactlyOnceWithTheSameKey() throws Exception {
        endpoint(Set.of());
        events.publish(event(CallEventType.MISSED, "crm-down").build());
        OutboxMessage m = webhooks().stream().filter(o -> o.getBody().contains("crm-down")).findFirst().orElseThrow();
        eventually().until(() -> outbox.findById(m.getId()).orElseThrow().getAttempts() >= 1);
        assertThat(outboxState(m.getId())).isEqualTo("PENDING");

        crm = new TestCrm(CRM_PORT, 503); // up, but not ready: a failed attempt too
        eventually().until(() -> received("crm-down").size() >= 1);
        crm.answer(200);
        eventually().until(() -> outboxState(m.getId()).equals("DELIVERED"));
        Thread.sleep(1000);
        List<TestCrm.Request> requests = received("crm-down");
        assertThat(requests).extracting(r -> r.header("X-ReachPBX-Idempotency-Key")).containsOnly(m.getIdempotencyKey());
        // Exactly once on the receiver's side: one accepted delivery, and it was the last request.
        assertThat(requests.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(requests.get(requests.size() - 1).status()).isEqualTo(200);
        assertThat(requests.get(0).status()).isEqualTo(503);
    }

    @Test
    void afterTheMaximumOfAttemptsTheMessageIsDeadAndCanBeRetried() throws Exception {
        crm = new TestCrm(CRM_PORT, 500);
        endpoint(Set.of());
        events.publish(event(CallEventType.MISSED, "crm-dead").build());
        OutboxMessage m = webhooks().stream().filter(o -> o.getBody().contains("crm-dead")).findFirst().orElseThrow();
        eventually().until(() -> outboxState(m.getId()).equals("DEAD"));
        OutboxMessage dead = outbox.findById(m.getId()).orElseThrow();
        assertThat(dead.getAttempts()).isEqualTo(6);
        assertThat(dead.getLastError()).contains("500");
        assertThat(received("crm-dead")).hasSize(6);

        crm.answer(200);
        outboxService.retry(m.getId());
        eventually().until(() -> outboxState(m.getId()).equals("DELIVERED"));
        assertThat(received("crm-dead")).hasSize(7)
                .extracting(r -> r.header("X-ReachPBX-Idempotency-Key")).containsOnly(m.getIdempotencyKey());
    }
}
