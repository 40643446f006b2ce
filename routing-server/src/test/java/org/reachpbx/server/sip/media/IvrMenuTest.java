package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.ToneGenerator;
import org.reachpbx.server.sip.TestPhone;

/**
 * IVR menus over SIP and RTP (IVR-01–07), on the media tenant's menus 700 (ringback, options 1, 12
 * and 2 → sub-menu 701, failover after 5 s to voicemail 600) and 701 (option 1 → 201 with prefix
 * JAN, failover after 5 s to auto-answer 650). The rules decide every step; these tests check that
 * the phone experiences what they decided.
 */
class IvrMenuTest extends MediaTestSupport {

    /** Cor (203) calls the main menu: ringback cycles first (IVR-02), then the server answers with the menu. */
    private TestPhone.Call callMenu(TestPhone cor, RtpTestPeer corRtp, String menu) throws Exception {
        TestPhone.Call call = cor.call(menu);
        connected(call, corRtp);
        assertThat(awaitPrompt(corRtp, 0, Duration.ofSeconds(10))).as("the menu's sound is heard").isPositive();
        return call;
    }

    @Test
    void aKeyedOptionRingsItsDestinationWithItsPrefixAndBothPartiesHearEachOther() throws Exception {
        RtpTestPeer corRtp = peer();
        RtpTestPeer annaRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA", "PCMU"));
        TestPhone anna = mediaPhone("201", annaRtp, List.of("PCMU"));
        anna.answering(TestPhone.Answering.ANSWER, 300);

        TestPhone.Call call = cor.call("700");
        assertThat(call.await(180, 5)).as("IVR-02: ringback before the menu").isNotNull();
        connected(call, corRtp);
        assertThat(awaitPrompt(corRtp, 0, Duration.ofSeconds(10))).as("the menu's sound").isPositive();

        // 1 could still become 12 (IVR-04): # says the input is complete, without the inter-digit wait.
        corRtp.sendDigits("1#").get(5, TimeUnit.SECONDS);
        TestPhone.Incoming atAnna = anna.awaitCall(10);
        assertThat(atAnna.header("From")).as("IVR-07: the option's prefix in the display name").contains("SALES");
        String offerToAnna = new String(atAnna.request.getRawContent(), StandardCharsets.UTF_8);
        assertThat(offerToAnna).as("Anna talks to the server, which answered Cor")
                .doesNotContain("m=audio " + corRtp.port() + " ");
        annaRtp.remoteFromSdp(offerToAnna);
        annaRtp.remote(annaRtp.remote(), 0, annaRtp.telephoneEventPt()); // Anna answered PCMU
        assertThat(atAnna.tx.getDialog()).isNotNull();
        assertThat(awaitTrue(() -> !anna.acks.isEmpty(), Duration.ofSeconds(5))).as("the server ACKs Anna's 200").isTrue();

        int before = corRtp.received().size();
        annaRtp.sendTone(880, Duration.ofMillis(800));
        corRtp.sendTone(440, Duration.ofMillis(800)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(annaRtp.receivedAudio(), 440), Duration.ofSeconds(5)))
                .as("Anna hears Cor").isTrue();
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(corRtp, before), 880), Duration.ofSeconds(5)))
                .as("Cor hears Anna").isTrue();
        assertThat(cor.reinvites).as("Cor's call was not re-negotiated: the server bridged it").isEmpty();

        call.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).as("Cor's hang-up ends Anna's leg").isNotNull();
    }

    @Test
    void digitsBySipInfoChooseAsWell() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        TestPhone.Call call = callMenu(cor, corRtp, "700");
        call.info("dtmf-relay", "Signal=1\r\nDuration=160\r\n");
        assertThat(call.await(200, 5)).as("the INFO is taken").isNotNull(); // two INFOs at once may cross
        call.info("dtmf-relay", "Signal=#\r\nDuration=160\r\n");
        TestPhone.Incoming atAnna = anna.awaitCall(10);
        assertThat(atAnna.header("From")).contains("SALES");
        call.hangUp();
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).as("the ringing leg is cancelled").isNotNull();
    }

    @Test
    void aPhoneWithoutRfc4733KeysItsChoicesAsTones() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        cor.withMedia(corRtp.sdpOffer(List.of("PCMA"), false)); // no telephone-event offered
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        TestPhone.Call call = callMenu(cor, corRtp, "700");
        assertThat(call.answerSdp()).doesNotContain("telephone-event");
        int heard = corRtp.received().size();
        corRtp.sendPcm(ToneGenerator.dtmf("2", Duration.ofMillis(100), Duration.ofMillis(60))).get(5, TimeUnit.SECONDS);
        assertThat(awaitPrompt(corRtp, heard, Duration.ofSeconds(10))).as("the sub-menu, reached in-band").isPositive();
        corRtp.sendPcm(ToneGenerator.dtmf("1", Duration.ofMillis(100), Duration.ofMillis(60))).get(5, TimeUnit.SECONDS);
        assertThat(anna.awaitCall(10).header("From")).contains("JAN SUB");
        call.hangUp();
    }

    @Test
    void mixedLengthOptionsWaitForTheLongerOneAndTakeTheUniqueOneAtOnce() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone bram = mediaPhone("202", peer(), List.of("PCMA"));
        TestPhone.Call call = callMenu(cor, corRtp, "700");
        corRtp.sendDigits("12").get(5, TimeUnit.SECONDS);
        TestPhone.Incoming atBram = bram.awaitCall(10);
        assertThat(atBram.header("From")).as("IVR-04: 1 then 2 is option 12, not option 1").contains("TWELVE");
        call.hangUp();
    }

    @Test
    void aNestedMenuAddsItsPrefixInFrontOfTheFirst() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        TestPhone.Call call = callMenu(cor, corRtp, "700");
        int heard = corRtp.received().size();
        corRtp.sendDigits("2").get(5, TimeUnit.SECONDS);
        assertThat(awaitPrompt(corRtp, heard, Duration.ofSeconds(10))).as("the sub-menu's sound").isPositive();
        corRtp.sendDigits("1").get(5, TimeUnit.SECONDS);
        TestPhone.Incoming atAnna = anna.awaitCall(10);
        assertThat(atAnna.header("From")).as("IVR-07: JAN in front of SUB").contains("JAN SUB");
        call.hangUp();
    }

    @Test
    void anInvalidOptionReplaysTheMenuAndAValidOneStillWorks() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        TestPhone.Call call = cor.call("700");
        connected(call, corRtp);
        // Keyed during the menu (type-ahead); the failover timer (5 s) keeps running through the replay.
        corRtp.sendDigits("9#").get(5, TimeUnit.SECONDS);
        int heard = corRtp.received().size();
        assertThat(awaitTrue(() -> AudioCheck.durationOfSound(audioSince(corRtp, heard)).toMillis() > 300,
                Duration.ofSeconds(5))).as("IVR-06: the caller hears the menu again").isTrue();
        assertThat(anna.incoming).as("nobody rang for the invalid option").isEmpty();
        corRtp.sendDigits("1#").get(5, TimeUnit.SECONDS);
        assertThat(anna.awaitCall(10).header("From")).contains("SALES");
        call.hangUp();
    }

    @Test
    void aCallerStillInTheMenuWhenItsTimerEndsGoesToTheFailoverDestination() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone.Call call = callMenu(cor, corRtp, "700");
        // Nothing keyed: after 5 s (IVR-05) voicemail 600 takes the call: its greeting, then the beep.
        assertThat(awaitBeep(corRtp, Duration.ofSeconds(15))).as("voicemail 600 records after its tone").isTrue();
        call.hangUp();
    }

    @Test
    void aNestedMenuHasItsOwnTimer() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone.Call call = callMenu(cor, corRtp, "700");
        corRtp.sendDigits("2").get(5, TimeUnit.SECONDS);
        // 701's 5 s timer ends in auto-answer 650, which plays its message and hangs up (not 700's voicemail).
        assertThat(cor.byes.poll(20, TimeUnit.SECONDS)).as("650 released the call").isNotNull();
        assertThat(beepHeard(corRtp.receivedAudio())).as("not voicemail 600").isFalse();
    }

    @Test
    void whenTheChosenUserDoesNotAnswerTheirNoAnswerForwardTakesOver() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        anna.answering(TestPhone.Answering.RING);
        TestPhone.Call call = callMenu(cor, corRtp, "700");
        int heard = corRtp.received().size();
        corRtp.sendDigits("1#").get(5, TimeUnit.SECONDS);
        anna.awaitCall(10);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(corRtp, heard), 425), Duration.ofSeconds(5)))
                .as("Cor hears ringback while Anna's phone rings").isTrue();
        // Anna's REACH: voicemail after 5 s without answer; her box answers on the same call.
        assertThat(awaitBeep(corRtp, Duration.ofSeconds(20))).as("Anna's voicemail").isTrue();
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
        call.hangUp();
    }

    @Test
    void theExtensionChooserRingsTheKeyedUserAndReplaysForAnythingElse() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        TestPhone.Call call = callMenu(cor, corRtp, "800");
        int heard = corRtp.received().size();
        corRtp.sendDigits("650").get(5, TimeUnit.SECONDS);
        assertThat(awaitPrompt(corRtp, heard, Duration.ofSeconds(10))).as("EXC-03: 650 is no user: asked again")
                .isPositive();
        assertThat(cor.byes).as("not sent to the auto-answer").isEmpty();
        corRtp.sendDigits("201").get(5, TimeUnit.SECONDS);
        anna.awaitCall(10);
        call.hangUp();
    }

    @Test
    void aKeyedPostalCodeIsRoutedByTheLbr() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone.Call call = callMenu(cor, corRtp, "510");
        int heard = corRtp.received().size();
        corRtp.sendDigits("3011").get(5, TimeUnit.SECONDS);
        // 3011 → auto-answer 650 (a message, then released); the default would be 651 (released at once).
        assertThat(cor.byes.poll(15, TimeUnit.SECONDS)).isNotNull();
        assertThat(AudioCheck.durationOfSound(audioSince(corRtp, heard)).toMillis()).as("650's message").isGreaterThan(300);
        assertThat(call).isNotNull();
    }

    @Test
    void aCallerWhoHangsUpDuringTheRingbackOrTheMenuLeavesNothingBehind() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone.Call ringing = cor.call("700");
        assertThat(ringing.await(180, 5)).isNotNull();
        ringing.cancel();
        assertThat(ringing.await(487, 5)).as("cancelled during the ringback cycles").isNotNull();
        TestPhone.Call inMenu = callMenu(cor, corRtp, "700");
        inMenu.hangUp();
        // MediaTestSupport checks after each test that every media session was closed.
        Response none = inMenu.responses.poll(200, TimeUnit.MILLISECONDS);
        assertThat(none == null || none.getStatusCode() == 200).isTrue();
    }
}
