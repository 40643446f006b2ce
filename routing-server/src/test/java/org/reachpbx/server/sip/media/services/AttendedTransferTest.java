package org.reachpbx.server.sip.media.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;

/**
 * Attended transfer by the phone's transfer key over SIP and RTP (GEN-05, RFC 3891): the user holds
 * one party, consults another in a second call and sends REFER on the held call with {@code
 * Refer-To: <target?Replaces=consultation>}; the server lets both of the user's legs go and the two
 * other parties talk to each other. Tenant {@code sip/transfers-tenant.yaml} anchors every call.
 */
class AttendedTransferTest extends TransferTestSupport {

    @Test
    void theCalledUserHoldsTheCallerConsultsAColleagueAndTransfersThemToEachOther() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("302", bramRtp);
        TestPhone anna = phone("301", annaRtp);
        TestPhone cor = phone("303", corRtp);
        TestPhone.Call[] held = new TestPhone.Call[1];
        TestPhone.Incoming atAnna = answeredCall(bram, bramRtp, anna, annaRtp, "301", held);
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 440, 880)).as("302 and 301 talk").isTrue();

        // 301 holds 302 (answered by the server: 302 hears music) and consults 303.
        atAnna.reinvite(holdSdp(annaRtp));
        Response holdOk = atAnna.responses.poll(5, TimeUnit.SECONDS);
        assertThat(holdOk).isNotNull();
        assertThat(holdOk.getStatusCode()).isEqualTo(200);
        atAnna.ack(holdOk);
        cor.answering(TestPhone.Answering.ANSWER, 100);
        TestPhone.Call consultation = anna.call("303");
        connected(consultation, annaRtp);
        TestPhone.Incoming atCor = cor.awaitCall(5);
        corRtp.remoteFromSdp(new String(atCor.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(InCallServicesTest.hearsEachOther(annaRtp, corRtp, 500, 1200)).as("301 consults 303").isTrue();

        atAnna.refer("<sip:303@" + DOMAIN + "?Replaces=" + consultation.replaces() + ">");
        Response accepted = atAnna.responses.poll(5, TimeUnit.SECONDS);
        assertThat(accepted).isNotNull();
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(InCallServicesTest.referNotify(anna, 15)).as("RFC 3515 NOTIFY").startsWith("SIP/2.0 200");
        assertThat(byes(anna, 2)).as("both of the transferor's legs end").isTrue();

        assertThat(InCallServicesTest.hearsEachOther(bramRtp, corRtp, 660, 1500)).as("302 and 303 talk").isTrue();
        assertThat(cor.incoming).as("303 got no new INVITE: its leg was the server's already").isEmpty();
        assertThat(bram.byes).as("302 stays").isEmpty();

        held[0].hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).as("303's call ends with 302's").isNotNull();
    }

    @Test
    void theCallingUserTransfersFromItsSideAndTheConsultedPartyHangsUpFirst() throws Exception {
        RtpTestPeer annaRtp = peer();
        RtpTestPeer bramRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone anna = phone("301", annaRtp);
        TestPhone bram = phone("302", bramRtp);
        TestPhone cor = phone("303", corRtp);
        TestPhone.Call[] held = new TestPhone.Call[1];
        answeredCall(anna, annaRtp, bram, bramRtp, "302", held);
        held[0].reinvite(holdSdp(annaRtp));
        Response holdOk = held[0].await(200, 5);
        assertThat(holdOk).isNotNull();
        held[0].ackReinvite(holdOk);

        TestPhone.Call[] consultation = new TestPhone.Call[1];
        TestPhone.Incoming atCor = answeredCall(anna, annaRtp, cor, corRtp, "303", consultation);
        held[0].refer("<sip:303@" + DOMAIN + "?Replaces=" + consultation[0].replaces() + ">");
        assertThat(held[0].await(202, 5)).as("REFER accepted on the caller's side").isNotNull();
        assertThat(InCallServicesTest.referNotify(anna, 15)).startsWith("SIP/2.0 200");
        assertThat(byes(anna, 2)).as("both of the transferor's legs end").isTrue();

        assertThat(InCallServicesTest.hearsEachOther(bramRtp, corRtp, 660, 1500)).as("302 and 303 talk").isTrue();
        atCor.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).as("302's call ends with 303's").isNotNull();
    }

    @Test
    void callsWhoseMediaWentEndToEndAreBroughtIntoTheServerFirst() throws Exception {
        // The media tenant anchors only when needed: both calls run phone to phone until the REFER.
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = mediaPhone("202", bramRtp, java.util.List.of("PCMA"));
        TestPhone anna = mediaPhone("201", annaRtp, java.util.List.of("PCMA"));
        TestPhone cor = mediaPhone("203", corRtp, java.util.List.of("PCMA"));
        anna.answering(TestPhone.Answering.ANSWER, 100);
        TestPhone.Call held = bram.call("201");
        assertThat(held.await(200, 10)).isNotNull();
        held.ack();
        TestPhone.Incoming atAnna = anna.awaitCall(5);
        atAnna.reinvite(holdSdp(annaRtp));
        Response holdOk = atAnna.responses.poll(5, TimeUnit.SECONDS);
        assertThat(holdOk).isNotNull();
        atAnna.ack(holdOk);
        cor.answering(TestPhone.Answering.ANSWER, 100);
        TestPhone.Call consultation = anna.call("203");
        assertThat(consultation.await(200, 10)).isNotNull();
        consultation.ack();
        assertThat(cor.awaitCall(5)).isNotNull();
        bram.reinvites.clear();
        cor.reinvites.clear();

        atAnna.refer("<sip:203@" + MEDIA_DOMAIN + "?Replaces=" + consultation.replaces() + ">");
        Response accepted = atAnna.responses.poll(5, TimeUnit.SECONDS);
        assertThat(accepted).isNotNull();
        assertThat(accepted.getStatusCode()).as("no longer 501 without anchoring").isEqualTo(202);
        javax.sip.message.Request toBram = bram.reinvites.poll(10, TimeUnit.SECONDS);
        javax.sip.message.Request toCor = cor.reinvites.poll(10, TimeUnit.SECONDS);
        assertThat(toBram).as("302's media is brought to the server").isNotNull();
        assertThat(toCor).as("303's media is brought to the server").isNotNull();
        bramRtp.remoteFromSdp(new String(toBram.getRawContent(), StandardCharsets.UTF_8));
        corRtp.remoteFromSdp(new String(toCor.getRawContent(), StandardCharsets.UTF_8));
        assertThat(InCallServicesTest.referNotify(anna, 15)).as("RFC 3515 NOTIFY").startsWith("SIP/2.0 200");
        assertThat(byes(anna, 2)).as("both of the transferor's legs end").isTrue();

        assertThat(InCallServicesTest.hearsEachOther(bramRtp, corRtp, 660, 1500)).as("302 and 303 talk").isTrue();
        held.hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).as("303's call ends with 302's").isNotNull();
    }

    @Test
    void aReplacesNamingNoCallOfTheServerIsRefusedAndTheCallStays() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        TestPhone bram = phone("302", bramRtp);
        TestPhone anna = phone("301", annaRtp);
        TestPhone.Call[] call = new TestPhone.Call[1];
        TestPhone.Incoming atAnna = answeredCall(bram, bramRtp, anna, annaRtp, "301", call);

        atAnna.refer("<sip:303@" + DOMAIN + "?Replaces=nosuchcall%3Bto-tag%3Da%3Bfrom-tag%3Db>");
        Response refused = atAnna.responses.poll(5, TimeUnit.SECONDS);
        assertThat(refused).isNotNull();
        assertThat(refused.getStatusCode()).isEqualTo(481);
        assertThat(anna.byes.poll(1, TimeUnit.SECONDS)).as("the call stays").isNull();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 440, 880)).as("still talking").isTrue();
        call[0].hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }
}
