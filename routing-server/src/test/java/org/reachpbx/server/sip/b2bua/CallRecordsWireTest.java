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
import org.reachpbx.directory.calls.CallLegRecord;
import org.reachpbx.directory.calls.CallLegRecordRepository;
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
    CallLegRecordRepository legRecords;
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
    void aCallForwardedOnBusyHasALegPerSegment() throws Exception {
        phone("201").answering(Answering.BUSY);
        TestPhone carla = phone("203").answering(Answering.ANSWER);
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230001");
        Response ok = call.awaitFinal(5);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        call.ack();
        call.hangUp();
        assertThat(carla.byes.poll(5, TimeUnit.SECONDS)).isNotNull();

        CallDetailRecord r = recordOf(callId(ok));
        List<CallLegRecord> legs = legRecords.ofRecords(List.of(r.getId()));
        assertThat(legs).extracting(CallLegRecord::getPosition).containsExactly(1, 2);
        assertThat(legs).extracting(CallLegRecord::getKind).containsExactly(CallLegRecord.Kind.RING,
                CallLegRecord.Kind.RING);
        assertThat(legs.get(0).getTarget()).isEqualTo("201");
        assertThat(legs.get(0).getOutcome()).isEqualTo(CallLegRecord.Outcome.BUSY);
        assertThat(legs.get(0).getAnsweredBy()).isNull();
        assertThat(legs.get(1).getTarget()).isEqualTo("203");
        assertThat(legs.get(1).getForwardedBy()).isEqualTo("201");
        assertThat(legs.get(1).getOutcome()).isEqualTo(CallLegRecord.Outcome.ANSWERED);
        assertThat(legs.get(1).getAnsweredBy()).isEqualTo("203");
        assertThat(legs.get(1).getAnsweredAt()).isEqualTo(r.getAnsweredAt());
        assertThat(legs.get(0).getEndedAt()).isEqualTo(legs.get(1).getStartedAt());
        assertThat(legs.get(1).getEndedAt()).isEqualTo(r.getEndedAt());
    }

    @Test
    void aCallForwardedOnNoAnswerHasTheUnansweredLegAndTheAnsweredOne() throws Exception {
        TestPhone anna = phone("201").answering(Answering.RING);
        TestPhone bram = phone("202").answering(Answering.ANSWER);
        TestPhone.Call call = trunk().callAsTrunk("0612345678", "0301230001");
        anna.awaitCall(5);
        assertThat(timersDueWithin(5.5)).isEqualTo(1);
        bram.awaitCall(5);
        Response ok = call.awaitFinal(5);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        call.ack();
        call.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();

        CallDetailRecord r = recordOf(callId(ok));
        List<CallLegRecord> legs = legRecords.ofRecords(List.of(r.getId()));
        assertThat(legs).extracting(CallLegRecord::getTarget).containsExactly("201", "202");
        assertThat(legs).extracting(CallLegRecord::getOutcome).containsExactly(CallLegRecord.Outcome.NO_ANSWER,
                CallLegRecord.Outcome.ANSWERED);
        assertThat(legs.get(1).getForwardedBy()).isEqualTo("201");
    }

    @Test
    void aCallVoicemailAnswersHasAServedMediaLeg() throws Exception {
        TestPhone.Call call = phone("202").call("570");
        Response ok = call.awaitFinal(10);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        call.ack();
        call.hangUp();
        waitUntilNoCalls();

        CallDetailRecord r = recordOf(callId(ok));
        List<CallLegRecord> legs = legRecords.ofRecords(List.of(r.getId()));
        assertThat(legs).hasSize(1);
        assertThat(legs.get(0).getKind()).isEqualTo(CallLegRecord.Kind.MEDIA);
        assertThat(legs.get(0).getTarget()).startsWith("voicemail");
        assertThat(legs.get(0).getOutcome()).isEqualTo(CallLegRecord.Outcome.SERVED);
    }

    @Test
    void aCallTheRulesRefuseHasOneRejectedLeg() throws Exception {
        Response refused = phone("201").call("0906123456").awaitFinal(5);
        CallDetailRecord r = recordOf(callId(refused));
        List<CallLegRecord> legs = legRecords.ofRecords(List.of(r.getId()));
        assertThat(legs).hasSize(1);
        assertThat(legs.get(0).getKind()).isEqualTo(CallLegRecord.Kind.REJECT);
        assertThat(legs.get(0).getTarget()).isEqualTo("BARRED");
        assertThat(legs.get(0).getOutcome()).isEqualTo(CallLegRecord.Outcome.REJECTED);
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
        assertThat(first.get("legs").get(0).get("kind").asText()).isEqualTo("RING");
        assertThat(first.get("legs").get(0).get("target").asText()).isEqualTo("202");
        assertThat(first.get("legs").get(0).get("outcome").asText()).isEqualTo("BUSY");

        HttpHeaders acceptCsv = new HttpHeaders();
        acceptCsv.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> csv = admin.exchange(base, HttpMethod.GET, new HttpEntity<>(acceptCsv), String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).startsWith("id,call_id,started_at");
        assertThat(csv.getBody()).contains(stored.getCallId()).contains(",BUSY,486,").contains(",RING 202 BUSY");
        assertThat(lines[0]).endsWith(",legs");
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
