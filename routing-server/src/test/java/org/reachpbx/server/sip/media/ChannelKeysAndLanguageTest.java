package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.calls.CallDetailRecord;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.reachpbx.directory.calls.CallDisposition;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.ToneGenerator;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The channel's DTMF mode (CH-02) and the language of an outside caller's menus (CH-05) over SIP and
 * RTP, on the h12 tenant's IVR 700: option 1 rings 304 with prefix ONE, 12 with TWELVE, 2 with TWO,
 * so the display at 304 tells which of the keys the server took. Keys as sound are real dual tones
 * in the phone's G.711 audio; events are RFC 4733; INFO is application/dtmf-relay.
 */
class ChannelKeysAndLanguageTest extends MenusTenantSupport {

    @Autowired
    CallDetailRecordRepository records;

    private static void tones(RtpTestPeer rtp, String keys) throws Exception {
        rtp.sendPcm(ToneGenerator.dtmf(keys, Duration.ofMillis(100), Duration.ofMillis(80))).get(5, TimeUnit.SECONDS);
    }

    private static void info(TestPhone.Call call, String key) throws Exception {
        call.info("dtmf-relay", "Signal=" + key + "\r\nDuration=160\r\n");
        assertThat(call.await(200, 5)).as("the INFO " + key + " is taken").isNotNull();
    }

    /** Calls the IVR and waits for its sound; 304's phone rings without answering. */
    private TestPhone.Call callMenu(TestPhone phone, RtpTestPeer rtp) throws Exception {
        TestPhone.Call call = phone.call("700");
        connected(call, rtp);
        assertThat(awaitPrompt(rtp, 0, Duration.ofSeconds(10))).as("the menu's sound").isPositive();
        return call;
    }

    private TestPhone greta() throws Exception {
        return menusPhone("agent", peer(), true).answering(TestPhone.Answering.RING);
    }

    @Test
    void anInbandChannelKeysByToneAlsoWithRfc4733NegotiatedUntilItSendsAnEvent() throws Exception {
        TestPhone greta = greta();
        RtpTestPeer rtp = peer();
        TestPhone ilse = menusPhone("inband", rtp, true);
        TestPhone.Call call = callMenu(ilse, rtp);
        assertThat(call.answerSdp()).as("the phone offered RFC 4733 and got it").contains("telephone-event");
        tones(rtp, "12");
        assertThat(greta.awaitCall(10).header("From")).as("CH-02 in-band: both tones counted").contains("TWELVE");
        call.hangUp();
        assertThat(greta.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();

        // The same phone sending an event first: from then on its tones (leaked keys) do not count.
        RtpTestPeer again = peer();
        ilse.withMedia(again.sdpOffer(List.of("PCMA"), true));
        TestPhone.Call second = callMenu(ilse, again);
        again.sendDigits("1").get(5, TimeUnit.SECONDS);
        tones(again, "2");
        again.sendDigits("#").get(5, TimeUnit.SECONDS);
        assertThat(greta.awaitCall(10).header("From")).as("the event 1 and #, not the tone 2").contains("ONE");
        second.hangUp();
    }

    @Test
    void anRfc4733ChannelWithEventsIgnoresTonesInItsAudio() throws Exception {
        TestPhone greta = greta();
        RtpTestPeer rtp = peer();
        TestPhone rob = menusPhone("rfc", rtp, true);
        TestPhone.Call call = callMenu(rob, rtp);
        tones(rtp, "1");
        rtp.sendDigits("2#").get(5, TimeUnit.SECONDS);
        assertThat(greta.awaitCall(10).header("From")).as("CH-02 RFC 4733: the tone 1 is sound, not a key")
                .contains("TWO");
        call.hangUp();
    }

    @Test
    void aSipInfoChannelTakesItsInfosAndNotTonesEvenWithoutRfc4733() throws Exception {
        TestPhone greta = greta();
        RtpTestPeer rtp = peer();
        TestPhone ivo = menusPhone("info", rtp, false);
        TestPhone.Call call = callMenu(ivo, rtp);
        assertThat(call.answerSdp()).doesNotContain("telephone-event");
        tones(rtp, "1");
        info(call, "2");
        info(call, "#");
        assertThat(greta.awaitCall(10).header("From")).as("CH-02 SIP INFO: the INFOs 2 and #, not the tone 1")
                .contains("TWO");
        call.hangUp();
    }

    @Test
    void aCallerWhoHangsUpBetweenTwoDigitsLeavesNothingBehindNobodyRingsAndTheCallIsRecorded() throws Exception {
        TestPhone greta = greta();
        RtpTestPeer rtp = peer();
        TestPhone rob = menusPhone("rfc", rtp, true);
        TestPhone.Call call = callMenu(rob, rtp);
        rtp.sendDigits("1").get(5, TimeUnit.SECONDS); // 1 could still become 12: the menu waits for more
        call.hangUp();
        javax.sip.message.Response byeOk = call.await(200, 5);
        assertThat(byeOk).as("the BYE is answered").isNotNull();
        // MediaTestSupport checks after the test that the session was closed; the inter-digit wait
        // (5 s at most) would have rung 304 by now had the collection outlived the call.
        assertThat(awaitTrue(() -> !greta.incoming.isEmpty(), Duration.ofSeconds(7))).as("nobody rang").isFalse();
        String callId = ((javax.sip.header.CallIdHeader) byeOk.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        assertThat(awaitTrue(() -> !records.findByTenantIdAndCallId(menusTenant, callId).isEmpty(), Duration.ofSeconds(10)))
                .as("the call's record is written").isTrue();
        CallDetailRecord r = records.findByTenantIdAndCallId(menusTenant, callId).get(0);
        assertThat(r.getDisposition()).as("answered by the menu").isEqualTo(CallDisposition.ANSWERED);
        assertThat(r.getDialled()).isEqualTo("700");
        assertThat(r.getEndedAt()).isNotNull();
    }

    @Test
    void anOutsideCallerHearsDutchUntilIdentifiedAndThenTheUsersGermanMenu() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone carrier = trunk().withMedia(rtp.sdpOffer(List.of("PCMA"), true));
        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301290915");
        connected(call, rtp);
        int at = awaitPrompt(rtp, 0, Duration.ofSeconds(15));
        assertThat(at).isPositive();
        long first = AudioCheck.durationOfSound(audioSince(rtp, 0)).toMillis();
        assertThat(first).as("a trunk caller has no channel: Dutch 'enter the extension'")
                .isBetween(spoken("nl", "enter-extension") - 250, spoken("nl", "enter-extension") + 250);
        rtp.sendDigits("304#").get(5, TimeUnit.SECONDS);
        int pin = awaitPrompt(rtp, at, Duration.ofSeconds(15));
        assertThat(pin).isPositive();
        rtp.sendDigits("8364#").get(5, TimeUnit.SECONDS);
        int menu = awaitPrompt(rtp, pin, Duration.ofSeconds(20));
        assertThat(menu).as("the 915 menu's options").isPositive();
        long options = AudioCheck.durationOfSound(RtpTestPeer.audioOf(rtp.received().subList(pin, menu))).toMillis();
        long german = spoken("de", "plan-menu-options");
        assertThat(options).as("identified as 304 (USR-01 language DE): the German options")
                .isBetween(german - 300, german + 300);
        assertThat(Math.abs(options - spoken("nl", "plan-menu-options"))).as("not the Dutch ones").isGreaterThan(300);
        // Hung up at the menu: nothing changes, the session ends (checked after each test).
        call.hangUp();
        assertThat(call.await(200, 5)).isNotNull();
    }
}
