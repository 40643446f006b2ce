package org.reachpbx.server.sip.media.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.calls.CallDetailRecord;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestTenants;
import org.reachpbx.server.sip.media.MediaTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pickup by the BLF key (GEN-02, PRV-03, RFC 3891): the phone watches a colleague's calls (dialog
 * SUBSCRIBE, RFC 4235), sees one ringing and sends an INVITE with {@code Replaces} naming it as the
 * NOTIFY announced it. With the pickup right the colleague's phone stops ringing and the caller talks
 * to the picker; without it {@code 403} and the colleague keeps ringing; a dialog that is not ringing
 * {@code 481} ({@code 486} with {@code early-only} for an answered one). Tenant
 * {@code sip/pickup-replaces-tenant.yaml} anchors every call's media.
 */
class PickUpByReplacesTest extends MediaTestSupport {

    static final String DOMAIN = "pickup-replaces.reachpbx.test";

    @Autowired
    CallDetailRecordRepository records;
    long tenant;

    @BeforeEach
    void pickupTenant() throws Exception {
        tenant = TestTenants.ensure(store, views, "Pickup Replaces Test BV", "sip/pickup-replaces-tenant.yaml");
    }

    TestPhone phone(String ext, RtpTestPeer rtp) throws Exception {
        TestPhone phone = new TestPhone("rpu" + ext, DOMAIN, "pw-r" + ext + "-secret", server.port());
        closeAfterTest(phone);
        Response r = phone.register(300, "SHA-256");
        assertThat(r).isNotNull();
        assertThat(r.getStatusCode()).as("rpu%s registers", ext).isEqualTo(200);
        return phone.withMedia(rtp.sdpOffer(List.of("PCMA"), true));
    }

    /** A BLF key on 501 of {@code phone}: subscribed, its first (idle) NOTIFY taken. */
    static TestPhone.Subscription blfKeyOn501(TestPhone phone) throws Exception {
        TestPhone.Subscription key = phone.subscribe("501", "dialog", 600, true);
        assertThat(key.response.getStatusCode()).as("PRV-04: may watch 501").isEqualTo(200);
        assertThat(body(key.awaitNotify(5))).doesNotContain("<dialog ");
        return key;
    }

    /**
     * The ringing dialog the next NOTIFY of {@code key} announces, as the phone's Replaces names it
     * (RFC 5359 §2.9: to-tag the local tag, from-tag the remote one).
     */
    static String ringingDialog(TestPhone.Subscription key) throws InterruptedException {
        String body = body(key.awaitNotify(5));
        assertThat(body).contains("<state>early</state>").contains("direction=\"recipient\"");
        return attribute(body, "call-id") + ";to-tag=" + attribute(body, "local-tag") + ";from-tag="
                + attribute(body, "remote-tag");
    }

    static String attribute(String xml, String name) {
        int at = xml.indexOf(" " + name + "=\"");
        assertThat(at).as("the NOTIFY announces %s", name).isPositive();
        at += name.length() + 3;
        return xml.substring(at, xml.indexOf('"', at));
    }

    /** Whether a NOTIFY of {@code key} within 5 s shows {@code text}. */
    static boolean notifyShowing(TestPhone.Subscription key, String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            Request notify = key.awaitNotify(1);
            if (notify != null && body(notify).contains(text)) {
                return true;
            }
        }
        return false;
    }

    static String body(Request notify) {
        assertThat(notify).as("a NOTIFY").isNotNull();
        return new String(notify.getRawContent(), StandardCharsets.UTF_8);
    }

    @Test
    void theBlfKeyPicksUpTheRingingCallTheCallerTalksToThePickerAndTheColleagueStopsRinging() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("502", bramRtp);
        TestPhone anna = phone("501", peer()).answering(TestPhone.Answering.RING);
        TestPhone cor = phone("503", corRtp);
        TestPhone.Subscription key = blfKeyOn501(cor);

        TestPhone.Call call = bram.call("501");
        assertThat(call.await(180, 5)).as("501 rings").isNotNull();
        assertThat(anna.awaitCall(5)).isNotNull();
        String ringing = ringingDialog(key);

        TestPhone.Call pickup = cor.call("501", "Replaces", ringing + ";early-only");
        Response ok = pickup.await(200, 10);
        assertThat(ok).as("the picker is answered").isNotNull();
        pickup.ack();
        corRtp.remoteFromSdp(pickup.answerSdp());
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).as("GEN-02: 501 stops ringing").isNotNull();
        connected(call, bramRtp);
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, corRtp, 440, 880)).as("the caller talks to 503").isTrue();
        assertThat(notifyShowing(key, "<state>terminated</state>")).as("BLF: the call no longer rings at 501").isTrue();

        TestPhone.Call again = cor.call("501", "Replaces", ringing);
        assertThat(again.awaitFinal(5).getStatusCode()).as("picked up already: not ringing any more").isEqualTo(481);

        pickup.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).as("the caller's call ends with the picker's").isNotNull();
        CallDetailRecord picker = recordOf(((CallIdHeader) ok.getHeader(CallIdHeader.NAME)).getCallId());
        assertThat(picker.getCallerUser()).isEqualTo("503");
        assertThat(picker.getDialled()).as("recorded as the directed pickup it amounts to").isEqualTo("*8501");
    }

    @Test
    void aPickupByReplacesWithoutThePickupRightIsRefusedAndTheColleagueKeepsRinging() throws Exception {
        TestPhone bram = phone("502", peer());
        TestPhone anna = phone("501", peer()).answering(TestPhone.Answering.RING);
        TestPhone dora = phone("504", peer());
        TestPhone.Subscription key = blfKeyOn501(dora);

        TestPhone.Call call = bram.call("501");
        assertThat(call.await(180, 5)).isNotNull();
        String ringing = ringingDialog(key);

        TestPhone.Call pickup = dora.call("501", "Replaces", ringing + ";early-only");
        assertThat(pickup.awaitFinal(5).getStatusCode()).as("PRV-03: no pickup right on 501").isEqualTo(403);
        assertThat(anna.cancels.poll(500, TimeUnit.MILLISECONDS)).as("501 still rings").isNull();
        assertThat(anna.incoming).as("504's INVITE was not routed to 501 as a new call").hasSize(1);
        call.cancel();
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aReplacesNamingNoRingingCallIsAnswered481AndAnAnsweredOneWithEarlyOnly486() throws Exception {
        RtpTestPeer bramRtp = peer();
        TestPhone bram = phone("502", bramRtp);
        TestPhone anna = phone("501", peer());
        TestPhone cor = phone("503", peer());

        TestPhone.Call unknown = cor.call("501", "Replaces", "no-such-call@127.0.0.1;to-tag=a1;from-tag=b2");
        assertThat(unknown.awaitFinal(5).getStatusCode()).as("RFC 3891: no such dialog").isEqualTo(481);
        assertThat(anna.awaitCallOrNull()).as("nor was it routed to 501 as a new call").isNull();

        TestPhone.Subscription key = blfKeyOn501(cor);
        anna.answering(TestPhone.Answering.RING);
        TestPhone.Call call = bram.call("501");
        assertThat(call.await(180, 5)).isNotNull();
        TestPhone.Incoming atAnna = anna.awaitCall(5);
        String ringing = ringingDialog(key);
        TestPhone.Call wrongTags = cor.call("501", "Replaces",
                ringing.substring(0, ringing.indexOf(';')) + ";to-tag=not-ours;from-tag=nor-this");
        assertThat(wrongTags.awaitFinal(5).getStatusCode()).as("tags of another dialog").isEqualTo(481);
        assertThat(anna.cancels).as("501 still rings").isEmpty();

        atAnna.answer();
        connected(call, bramRtp);
        TestPhone.Call answered = cor.call("501", "Replaces", ringing + ";early-only");
        assertThat(answered.awaitFinal(5).getStatusCode()).as("RFC 3891: early-only, answered").isEqualTo(486);
        TestPhone.Call late = cor.call("501", "Replaces", ringing);
        assertThat(late.awaitFinal(5).getStatusCode()).as("answered: not ringing any more").isEqualTo(481);
        call.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    /** The record of the call, once the writer stored it. */
    private CallDetailRecord recordOf(String callId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<CallDetailRecord> found = records.findByTenantIdAndCallId(tenant, callId);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no call record for " + callId);
    }
}
