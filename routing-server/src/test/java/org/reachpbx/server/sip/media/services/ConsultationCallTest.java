package org.reachpbx.server.sip.media.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;

/**
 * The {@code ##} codes of GEN-05/06 over SIP and RTP, keyed as RFC 4733 events in anchored calls of
 * the transfers tenant: 302 (Bram) calls 301 (Anna); a user keys {@code ##303#} and the server calls
 * 303 (Cor) for it as a call of that user, while the other party waits on hold. Who hears whom is
 * checked by tones per direction: the held party never hears the consultation.
 */
class ConsultationCallTest extends TransferTestSupport {

    private RtpTestPeer bramRtp;
    private RtpTestPeer annaRtp;
    private RtpTestPeer corRtp;
    private TestPhone bram;
    private TestPhone anna;
    private TestPhone cor;
    private final TestPhone.Call[] call = new TestPhone.Call[1];
    private TestPhone.Incoming atAnna;

    /** 302 calls 301, who answers; 303 will answer the consultation. */
    private void bramCallsAnna() throws Exception {
        bramRtp = peer();
        annaRtp = peer();
        corRtp = peer();
        bram = phone("302", bramRtp);
        anna = phone("301", annaRtp);
        cor = phone("303", corRtp);
        atAnna = answeredCall(bram, bramRtp, anna, annaRtp, "301", call);
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 440, 880)).as("302 and 301 talk").isTrue();
    }

    /** {@code keys} by the user on {@code rtp}; 303 answers the consultation and the two talk. */
    private TestPhone.Incoming consultsCor(RtpTestPeer rtp, String who) throws Exception {
        cor.answering(TestPhone.Answering.ANSWER, 300);
        rtp.sendDigits("##303#").get(10, TimeUnit.SECONDS);
        TestPhone.Incoming atCor = cor.awaitCall(10);
        assertThat(atCor).as("the server calls 303 for %s", who).isNotNull();
        corRtp.remoteFromSdp(new String(atCor.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !cor.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(InCallServicesTest.hearsEachOther(rtp, corRtp, 500, 1200)).as("%s consults 303", who).isTrue();
        return atCor;
    }

    @Test
    void hangingUpDuringTheConsultationConnectsTheHeldCallerAndTheConsultedUser() throws Exception {
        bramCallsAnna();
        TestPhone.Incoming atCor = consultsCor(annaRtp, "301");
        assertThat(atCor.header("From")).as("303 sees a call of 301").contains("sip:301@");
        assertThat(heard(annaRtp, 700, bramRtp)).as("the held caller does not hear the consultation").isFalse();
        assertThat(heard(corRtp, 1000, bramRtp)).as("nor the consulted user").isFalse();
        assertThat(bram.reinvites).as("hold without a re-INVITE of the caller").isEmpty();

        atAnna.hangUp();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, corRtp, 440, 1300))
                .as("GEN-05: 301 hung up, 302 and 303 talk").isTrue();
        assertThat(cor.byes).isEmpty();

        call[0].hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).as("302's hang-up ends 303's leg").isNotNull();
    }

    @Test
    void starHashHangsTheConsultationUpAndTakesTheHeldCallerBack() throws Exception {
        bramCallsAnna();
        consultsCor(annaRtp, "301");

        annaRtp.sendDigits("*#").get(5, TimeUnit.SECONDS);
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).as("the consultation is hung up").isNotNull();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 440, 880)).as("302 and 301 talk again").isTrue();

        call[0].hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void twoSwitchesBetweenTheCallsAndThreeJoinsAllThree() throws Exception {
        bramCallsAnna();
        consultsCor(annaRtp, "301");

        annaRtp.sendDigits("2").get(5, TimeUnit.SECONDS);
        assertThat(InCallServicesTest.hearsEachOther(annaRtp, bramRtp, 500, 1200)).as("2: back to 302").isTrue();
        assertThat(heard(annaRtp, 700, corRtp)).as("303 waits and does not hear 301").isFalse();

        annaRtp.sendDigits("3").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> heardQuietly(bramRtp, 440, corRtp), Duration.ofSeconds(5)))
                .as("3: 303 hears 302").isTrue();
        assertThat(heard(corRtp, 1300, annaRtp)).as("301 hears 303").isTrue();
        assertThat(heard(annaRtp, 880, bramRtp)).as("302 hears 301").isTrue();
        assertThat(heard(corRtp, 1000, bramRtp)).as("302 hears 303").isTrue();

        atAnna.hangUp();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, corRtp, 440, 1300))
                .as("301 left the three-way call; 302 and 303 talk on").isTrue();
        call[0].hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void theCallerConsultsTooAndOneKeepsTheOtherPartyOnHold() throws Exception {
        bramCallsAnna();
        consultsCor(bramRtp, "302, the caller,");

        bramRtp.sendDigits("1").get(5, TimeUnit.SECONDS);
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).as("1 hangs the consultation up").isNotNull();
        assertThat(heard(bramRtp, 440, annaRtp)).as("A34: 301 stays on hold").isFalse();

        bramRtp.sendDigits("*#").get(5, TimeUnit.SECONDS);
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 500, 1200)).as("*# takes 301 back").isTrue();
        call[0].hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aLoneHashHashHoldsAndARefusedConsultationReturnsToTheHeldParty() throws Exception {
        bramCallsAnna();
        annaRtp.sendDigits("##").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> !heardQuietly(annaRtp, 880, bramRtp), Duration.ofSeconds(6)))
                .as("## alone: 302 is on hold").isTrue();
        assertThat(heard(bramRtp, 440, annaRtp)).as("both ways").isFalse();

        annaRtp.sendDigits("*#").get(5, TimeUnit.SECONDS);
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 440, 880)).as("*#: talking again").isTrue();

        // CB-07: the consultation is a call of 301, so the tenant's barring refuses 0906.
        annaRtp.sendDigits("##09061234567#").get(10, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> heardQuietly(annaRtp, 880, bramRtp), Duration.ofSeconds(5)))
                .as("the refused consultation returns 301 to 302").isTrue();
        assertThat(heard(bramRtp, 440, annaRtp)).isTrue();

        // 303 declines: back again.
        cor.answering(TestPhone.Answering.DECLINE, 100);
        annaRtp.sendDigits("##303#").get(10, TimeUnit.SECONDS);
        assertThat(cor.awaitCall(10)).as("303 is called").isNotNull();
        assertThat(awaitTrue(() -> heardQuietly(annaRtp, 880, bramRtp), Duration.ofSeconds(5)))
                .as("declined: 301 is back with 302").isTrue();
        call[0].hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void theConsultedUserHangingUpBringsTheUserBackAndTheHeldPartyHangingUpLeavesTheConsultation() throws Exception {
        bramCallsAnna();
        TestPhone.Incoming atCor = consultsCor(annaRtp, "301");
        atCor.hangUp();
        assertThat(awaitTrue(() -> heardQuietly(annaRtp, 880, bramRtp), Duration.ofSeconds(5)))
                .as("303 hung up: 301 is back with 302").isTrue();

        TestPhone.Incoming again = consultsCor(annaRtp, "301");
        call[0].hangUp(); // the held caller leaves
        assertThat(InCallServicesTest.hearsEachOther(annaRtp, corRtp, 500, 1200))
                .as("301 and 303 talk on without 302").isTrue();
        assertThat(anna.byes).isEmpty();
        again.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).as("303's hang-up ends 301's leg").isNotNull();
    }

    @Test
    void theUserHearsTheRingbackAndHangingUpWhileItRingsConnectsTheHeldCallerAtTheAnswer() throws Exception {
        bramCallsAnna();
        cor.answering(TestPhone.Answering.RING, 0);
        int annaFrom = annaRtp.received().size();
        annaRtp.sendDigits("##303#").get(10, TimeUnit.SECONDS);
        TestPhone.Incoming atCor = cor.awaitCall(10);
        assertThat(atCor).isNotNull();
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(annaRtp, annaFrom), 425), Duration.ofSeconds(6)))
                .as("301 hears the ringback while 303 rings").isTrue();

        atAnna.hangUp();
        int bramFrom = bramRtp.received().size();
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(bramRtp, bramFrom), 425), Duration.ofSeconds(6)))
                .as("the held caller hears the ringback of the consultation it is handed to").isTrue();
        atCor.answer();
        corRtp.remoteFromSdp(new String(atCor.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !cor.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, corRtp, 440, 1300))
                .as("connected at 303's answer").isTrue();
        call[0].hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void theCallersTransferKeyMovesTheCalledUserOnAsACallOfTheCaller() throws Exception {
        bramCallsAnna();
        call[0].refer("sip:09061234567@" + DOMAIN); // CB-07: the account bars 0906, a transfer too
        javax.sip.message.Response refused = call[0].responses.poll(5, TimeUnit.SECONDS);
        assertThat(refused).isNotNull();
        assertThat(refused.getStatusCode()).as("refused on the REFER").isBetween(400, 699);
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 440, 880)).as("the call stays").isTrue();

        cor.answering(TestPhone.Answering.ANSWER, 300);
        call[0].refer("sip:303@" + DOMAIN);
        javax.sip.message.Response accepted = call[0].responses.poll(5, TimeUnit.SECONDS);
        assertThat(accepted).isNotNull();
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(InCallServicesTest.referNotify(bram, 5)).as("RFC 3515 NOTIFY").startsWith("SIP/2.0 200");
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).as("the transferring caller's leg ends").isNotNull();

        TestPhone.Incoming atCor = cor.awaitCall(10);
        assertThat(atCor.header("From")).as("a call of 302").contains("sip:302@");
        corRtp.remoteFromSdp(new String(atCor.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !cor.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(InCallServicesTest.hearsEachOther(annaRtp, corRtp, 500, 1200)).as("301 talks to 303").isTrue();
        assertThat(anna.reinvites).as("301 was not re-INVITEd").isEmpty();

        atAnna.hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).as("301's hang-up ends 303's leg").isNotNull();
    }

    @Test
    void theCallersBlindTransferByCodeMovesTheCalledUserOn() throws Exception {
        bramCallsAnna();
        cor.answering(TestPhone.Answering.ANSWER, 300);
        bramRtp.sendDigits("##*303#").get(10, TimeUnit.SECONDS);
        assertThat(bram.byes.poll(10, TimeUnit.SECONDS)).as("the transferring caller's leg ends").isNotNull();
        TestPhone.Incoming atCor = cor.awaitCall(10);
        assertThat(atCor.header("From")).as("a call of 302").contains("sip:302@");
        corRtp.remoteFromSdp(new String(atCor.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !cor.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(InCallServicesTest.hearsEachOther(annaRtp, corRtp, 500, 1200)).as("301 talks to 303").isTrue();
        atAnna.hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void theCallersBlindTransferThatIsNotAnsweredReturnsToTheCaller() throws Exception {
        bramCallsAnna();
        cor.answering(TestPhone.Answering.DECLINE, 100);
        bram.answering(TestPhone.Answering.ANSWER, 100);
        call[0].refer("sip:303@" + DOMAIN);
        assertThat(call[0].await(202, 5)).isNotNull();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).as("the caller's leg ends").isNotNull();
        assertThat(cor.awaitCall(10)).as("303 is called and declines").isNotNull();

        TestPhone.Incoming back = bram.awaitCall(10);
        assertThat(back).as("GEN-04: the call returns to 302").isNotNull();
        assertThat(back.header("From")).as("as a call of the transferred party").contains("sip:301@");
        bramRtp.remoteFromSdp(new String(back.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !bram.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 440, 880)).as("302 and 301 talk again").isTrue();
        atAnna.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    /** Whether {@code hearer} hears a tone {@code speaker} sends now. */
    static boolean heard(RtpTestPeer speaker, int hz, RtpTestPeer hearer) throws Exception {
        int from = hearer.received().size();
        speaker.sendTone(hz, Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        return AudioCheck.toneDuration(audioSince(hearer, from), hz).toMillis() >= 150;
    }

    private static boolean heardQuietly(RtpTestPeer speaker, int hz, RtpTestPeer hearer) {
        try {
            return heard(speaker, hz, hearer);
        } catch (Exception e) {
            return false;
        }
    }
}
