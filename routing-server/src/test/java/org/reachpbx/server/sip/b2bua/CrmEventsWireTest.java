package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.integrations.crm.WebhookEndpoints;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CRM events from real calls (CRM-01, CRM-02): calls through the B2BUA to 215 (Connect CRM on)
 * reach a CRM's webhook as RINGING, ANSWERED, ENDED and MISSED, with the caller, the number
 * dialled, the times and the duration. The CRM is a JDK HTTP server on loopback.
 */
class CrmEventsWireTest extends WireTestSupport {

    @Autowired
    WebhookEndpoints endpoints;

    private final ObjectMapper json = new ObjectMapper();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private HttpServer crm;
    private long endpointId;

    @BeforeEach
    void crm() throws Exception {
        crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(json.readTree(new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        crm.start();
        endpointId = endpoints.create(tenantId, new WebhookEndpoints.Settings(
                "http://127.0.0.1:" + crm.getAddress().getPort() + "/hooks", "crm-wire-secret-0123456789",
                Set.of(), true, "CrmEventsWireTest")).getId();
    }

    @AfterEach
    void noCrm() {
        endpoints.delete(tenantId, endpointId);
        crm.stop(0);
    }

    /** The events of this call, in the order the CRM received them, once {@code count} arrived. */
    private List<JsonNode> events(String callId, int count) throws InterruptedException {
        List<JsonNode> mine = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (mine.size() < count && System.nanoTime() < end) {
            JsonNode e = received.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && callId.equals(e.at("/call/id").asText())) {
                mine.add(e);
            }
        }
        assertThat(mine).as("events of call " + callId).hasSize(count);
        JsonNode extra = received.poll(500, TimeUnit.MILLISECONDS);
        assertThat(extra == null || !callId.equals(extra.at("/call/id").asText())).as("no further event").isTrue();
        return mine;
    }

    private static String callId(Response r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    @Test
    void anAnsweredCallIsRingingAnsweredAndEndedWithItsDuration() throws Exception {
        TestPhone nina = phone("215").answering(Answering.ANSWER, 200);
        TestPhone carrier = trunk();

        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301230015");
        Response ok = call.awaitFinal(5);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        call.ack();
        Thread.sleep(1100); // a call of at least a second
        call.hangUp();
        assertThat(nina.byes.poll(5, TimeUnit.SECONDS)).isNotNull();

        List<JsonNode> events = events(callId(ok), 3);
        assertThat(types(events)).containsExactly("RINGING", "ANSWERED", "ENDED");
        for (JsonNode e : events) {
            assertThat(e.at("/tenant/name").asText()).isEqualTo("Sip Test BV");
            assertThat(e.at("/extension/number").asText()).isEqualTo("215");
            assertThat(e.at("/extension/name").asText()).isEqualTo("Nina Kramer");
            assertThat(e.at("/call/caller/number").asText()).isEqualTo("0612345678");
            assertThat(e.at("/call/called").asText()).isEqualTo("0301230015");
            assertThat(e.at("/call/startedAt").isMissingNode()).isFalse();
        }
        JsonNode ended = events.get(2);
        assertThat(ended.at("/call/answeredAt").asText()).isEqualTo(events.get(1).at("/call/answeredAt").asText());
        assertThat(ended.at("/call/endedAt").isMissingNode()).isFalse();
        assertThat(ended.at("/call/durationSeconds").asLong()).isBetween(1L, 10L);
    }

    @Test
    void aCallTheCallerGivesUpOnIsMissed() throws Exception {
        phone("215").answering(Answering.RING);
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230015");
        call.await(Response.RINGING, 5);
        call.cancel();
        Response cancelled = call.awaitFinal(5);
        assertThat(cancelled.getStatusCode()).isEqualTo(487);

        List<JsonNode> events = events(callId(cancelled), 2);
        assertThat(types(events)).containsExactly("RINGING", "MISSED");
        assertThat(events.get(1).at("/call/answeredAt").isMissingNode()).isTrue();
        assertThat(events.get(1).at("/call/caller/number").asText()).isEqualTo("0612345678");
    }

    @Test
    void aBusyCallIsMissed() throws Exception {
        phone("215").answering(Answering.BUSY);
        Response busy = trunk().callAsTrunk("0612345678", "0301230015").awaitFinal(5);
        assertThat(busy.getStatusCode()).isEqualTo(486);

        assertThat(types(events(callId(busy), 2))).containsExactly("RINGING", "MISSED");
    }

    @Test
    void callsOfUsersWithoutConnectCrmAreNotSent() throws Exception {
        phone("202").answering(Answering.BUSY);
        Response busy = trunk().callAsTrunk("0612345678", "0301230002").awaitFinal(5);
        assertThat(busy.getStatusCode()).as("202 has no busy forward").isEqualTo(486);
        JsonNode e;
        while ((e = received.poll(2, TimeUnit.SECONDS)) != null) {
            assertThat(e.at("/call/id").asText()).isNotEqualTo(callId(busy));
        }
    }
}
