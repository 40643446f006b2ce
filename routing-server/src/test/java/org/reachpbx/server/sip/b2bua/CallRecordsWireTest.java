package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.calls.CallDetailRecord;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.reachpbx.directory.calls.CallDisposition;
import org.reachpbx.directory.calls.CallType;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Call detail records from real calls (issue 17): answered, busy, refused by the rules and not
 * answered calls through the B2BUA each leave one record with the caller, the number dialled,
 * where it ended, the decision's rule IDs, the times and the disposition; the REST API returns
 * them as JSON and CSV, and refuses callers without the platform admin's credentials.
 */
class CallRecordsWireTest extends WireTestSupport {

    @Autowired
    CallDetailRecordRepository records;
    @Autowired
    TestRestTemplate anonymous;

    private final ObjectMapper json = new ObjectMapper();

    private static String callId(Response r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** The record of the call, once the writer stored it. */
    private CallDetailRecord recordOf(String callId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<CallDetailRecord> found = records.findByTenantIdAndCallId(tenantId, callId);
            if (!found.isEmpty()) {
                assertThat(found).as("one record per call").hasSize(1);
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no call record for " + callId);
    }

    /** The caller cancels while it rings: the 487. */
    private Response givenUp(TestPhone.Call call) throws Exception {
        call.await(Response.RINGING, 5);
        call.cancel();
        Response cancelled = call.awaitFinal(5);
        assertThat(cancelled.getStatusCode()).isEqualTo(Response.REQUEST_TERMINATED);
        waitUntilNoCalls();
        return cancelled;
    }

    @Test
    void anAnsweredCallFromTheTrunkIsRecordedWithItsTalkTime() throws Exception {
        TestPhone bram = phone("202").answering(Answering.ANSWER);
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230002");
        Response ok = call.awaitFinal(5);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        call.ack();
        Thread.sleep(1100); // at least a second of talk
        call.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();

        CallDetailRecord r = recordOf(callId(ok));
        assertThat(r.getDisposition()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(r.getSipStatus()).isEqualTo(200);
        assertThat(r.getCallerNumber()).isEqualTo("0612345678");
        assertThat(r.getCallerUser()).isNull();
        assertThat(r.getDialled()).isEqualTo("0301230002");
        assertThat(r.getFinalDestination()).isEqualTo("202");
        assertThat(r.getAnsweredByUser()).isEqualTo("202");
        assertThat(r.getCallType()).isEqualTo(CallType.EXTERNAL);
        assertThat(r.getTrunk()).isEqualTo("carrier");
        assertThat(r.getOutcome()).isEqualTo("RING");
        assertThat(r.getRuleIds()).isNotBlank();
        assertThat(r.getRuleTrace()).isNotBlank();
        assertThat(r.getAnsweredAt()).isAfterOrEqualTo(r.getStartedAt());
        assertThat(r.getEndedAt()).isAfter(r.getAnsweredAt());
        assertThat(r.getBillableSeconds()).isBetween(2L, 10L); // 1.1 s or more, rounded up
        assertThat(r.getDurationSeconds()).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void aBusyCalleeIsRecordedAsBusy() throws Exception {
        phone("202").answering(Answering.BUSY);
        Response busy = trunk().callAsTrunk("0612345678", "0301230002").awaitFinal(5);
        assertThat(busy.getStatusCode()).isEqualTo(486);

        CallDetailRecord r = recordOf(callId(busy));
        assertThat(r.getDisposition()).isEqualTo(CallDisposition.BUSY);
        assertThat(r.getSipStatus()).isEqualTo(486);
        assertThat(r.getAnsweredAt()).isNull();
        assertThat(r.getBillableSeconds()).isZero();
    }

    @Test
    void aCallTheRulesRefuseIsRecordedWithItsCause() throws Exception {
        TestPhone anna = phone("201");
        Response refused = anna.call("0906123456").awaitFinal(5);
        assertThat(refused.getStatusCode()).isEqualTo(403);

        CallDetailRecord r = recordOf(callId(refused));
        assertThat(r.getDisposition()).isEqualTo(CallDisposition.REJECTED);
        assertThat(r.getCause()).startsWith("BARRED");
        assertThat(r.getSipStatus()).isEqualTo(403);
        assertThat(r.getCallerUser()).isEqualTo("201");
        assertThat(r.getCallerChannel()).isEqualTo("ch201");
        assertThat(r.getDialled()).isEqualTo("0906123456");
        assertThat(r.getOutcome()).isEqualTo("REJECT");
        assertThat(r.getRuleIds()).contains("CB-03");
        assertThat(r.getCallType()).isEqualTo(CallType.EXTERNAL);
    }

    @Test
    void aCallNobodyAnswersIsRecordedAsNoAnswer() throws Exception {
        // 202 has no forward on no answer, so it rings until the caller gives up.
        phone("202").answering(Answering.RING);
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230002");
        CallDetailRecord r = recordOf(callId(givenUp(call)));
        assertThat(r.getDisposition()).isEqualTo(CallDisposition.NO_ANSWER);
        assertThat(r.getSipStatus()).isEqualTo(487);
        assertThat(r.getAnsweredAt()).isNull();
        assertThat(r.getCallType()).isEqualTo(CallType.EXTERNAL);
    }

    @Test
    void anInternalCallTheCallerGivesUpOnIsNoAnswer() throws Exception {
        TestPhone bram = phone("202").answering(Answering.RING);
        TestPhone.Call call = phone("201").call("202");
        bram.awaitCall(5);
        CallDetailRecord r = recordOf(callId(givenUp(call)));
        assertThat(r.getDisposition()).isEqualTo(CallDisposition.NO_ANSWER);
        assertThat(r.getSipStatus()).isEqualTo(487);
        assertThat(r.getCallType()).isEqualTo(CallType.INTERNAL);
        assertThat(r.getTrunk()).isNull();
        assertThat(r.getCallerUser()).isEqualTo("201");
        assertThat(r.getDialled()).isEqualTo("202");
    }

    @Test
    void theApiListsRecordsAsJsonAndCsvForThePlatformAdminOnly() throws Exception {
        phone("202").answering(Answering.BUSY);
        Response busy = trunk().callAsTrunk("0687654321", "0301230002").awaitFinal(5);
        CallDetailRecord stored = recordOf(callId(busy));
        TestRestTemplate admin = anonymous.withBasicAuth("admin", "demo-admin");
        String base = "/api/tenants/" + tenantId + "/cdrs?from=" + Instant.now().minusSeconds(3600) + "&number=87654";

        ResponseEntity<String> page = admin.getForEntity(base + "&size=5", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        JsonNode body = json.readTree(page.getBody());
        assertThat(body.get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode first = body.get("records").get(0);
        assertThat(first.get("callId").asText()).isEqualTo(stored.getCallId());
        assertThat(first.get("callerNumber").asText()).isEqualTo("0687654321");
        assertThat(first.get("disposition").asText()).isEqualTo("BUSY");
        assertThat(first.get("ruleIds").isArray()).isTrue();

        HttpHeaders acceptCsv = new HttpHeaders();
        acceptCsv.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> csv = admin.exchange(base, HttpMethod.GET, new HttpEntity<>(acceptCsv), String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).startsWith("id,call_id,started_at");
        assertThat(csv.getBody()).contains(stored.getCallId()).contains(",BUSY,486,");
        assertThat(admin.getForEntity(base + "&format=csv", String.class).getBody()).isEqualTo(csv.getBody());

        assertThat(admin.getForEntity("/api/tenants/" + tenantId + "/cdrs?from=yesterday", String.class)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(admin.getForEntity("/api/tenants/" + tenantId + "/cdrs?size=5000", String.class)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(admin.getForEntity("/api/tenants/999999/cdrs", String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(anonymous.getForEntity(base, String.class).getStatusCode().value()).isEqualTo(401);
    }
}
