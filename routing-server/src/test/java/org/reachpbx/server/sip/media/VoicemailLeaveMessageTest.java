package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.ToneGenerator;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Leaving a message over SIP and RTP (VM-02, VM-07): the greeting and the tone arrive as RTP, the
 * caller's audio is stored as the message, and the notifications follow.
 */
class VoicemailLeaveMessageTest extends MediaTestSupport {

    @Autowired
    OutboxMessageRepository outbox;

    List<VoicemailMessage> messages(String box) {
        return voicemail.list(mediaTenant, box, null);
    }

    void clear(String box) {
        messages(box).forEach(m -> voicemail.delete(mediaTenant, box, m.getId()));
    }

    @Test
    void aMessageLeftAfterTheToneIsStoredWithTheSentAudioAndMailed() throws Exception {
        clear("600");
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA", "PCMU"));
        TestPhone.Call call = phone.call("600");
        connected(call, rtp);

        assertThat(awaitBeep(rtp, Duration.ofSeconds(15))).as("greeting and tone heard").isTrue();
        assertThat(AudioCheck.durationOfSound(rtp.receivedAudio()).toMillis()).as("the greeting was played")
                .isGreaterThan(1500);
        short[] said = ToneGenerator.speechLike(7, Duration.ofMillis(2500));
        rtp.sendSilence(Duration.ofMillis(500));
        rtp.sendPcm(said);
        rtp.sendDigits("#").get(10, TimeUnit.SECONDS);

        assertThat(phone.byes.poll(15, TimeUnit.SECONDS)).as("the server hangs up after saving").isNotNull();
        assertThat(awaitTrue(() -> messages("600").size() == 1, Duration.ofSeconds(5))).isTrue();
        VoicemailMessage m = messages("600").get(0);
        short[] stored = AudioCheck.readWav(voicemail.audio(mediaTenant, "600", m.getId()));
        long sent = AudioCheck.durationOfSound(said).toMillis();
        long sound = AudioCheck.durationOfSound(stored).toMillis();
        assertThat(sound).as("the message's sound lasts as long as what was said").isBetween(sent - 60, sent + 60);
        assertThat(AudioCheck.similarity(said, stored)).as("the stored audio is the sent audio").isGreaterThan(0.8);
        assertThat(m.getCallerNumber()).isNotBlank();

        OutboxMessage mail = outbox.findAll().stream()
                .filter(o -> o.getChannel() == OutboxChannel.EMAIL && Long.valueOf(m.getId()).equals(o.getVoicemailMessageId()))
                .findFirst().orElseThrow();
        assertThat(mail.getDestination()).isEqualTo("info@media.example");
        assertThat(mail.isAttachAudio()).isTrue();
    }

    /**
     * A message ended by silence (the phone keeps sending quiet packets): the 5 s of silence that
     * ended it are cut to {@code pbx.media.message-trailing-silence} (500 ms), the sound is all there.
     */
    @Test
    void aMessageEndedBySilenceKeepsOnlyHalfASecondOfIt() throws Exception {
        clear("600");
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA"));
        TestPhone.Call call = phone.call("600");
        connected(call, rtp);
        assertThat(awaitBeep(rtp, Duration.ofSeconds(15))).as("greeting and tone heard").isTrue();
        short[] said = ToneGenerator.speechLike(7, Duration.ofMillis(1500));
        rtp.sendSilence(Duration.ofMillis(500)); // the tone's end
        rtp.sendPcm(said);
        rtp.sendSilence(Duration.ofSeconds(7));

        assertThat(phone.byes.poll(20, TimeUnit.SECONDS)).as("the server saves after the silence and hangs up").isNotNull();
        assertThat(awaitTrue(() -> messages("600").size() == 1, Duration.ofSeconds(5))).isTrue();
        short[] stored = AudioCheck.readWav(voicemail.audio(mediaTenant, "600", messages("600").get(0).getId()));
        long sent = AudioCheck.durationOfSound(said).toMillis();
        assertThat(AudioCheck.durationOfSound(stored).toMillis()).as("all of the sound").isBetween(sent - 60, sent + 60);
        long trailing = AudioCheck.duration(stored).toMillis() - AudioCheck.lastSound(stored, AudioCheck.SILENCE) / 8;
        assertThat(trailing).as("silence after the last sound (5 s ended the message)").isBetween(400L, 650L);
    }

    @Test
    void aCallerWhoHangsUpDuringTheGreetingLeavesNoMessage() throws Exception {
        clear("600");
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA"));
        TestPhone.Call call = phone.call("600");
        connected(call, rtp);
        assertThat(rtp.awaitPackets(20, Duration.ofSeconds(5))).as("the greeting starts").isTrue();
        call.hangUp();

        Thread.sleep(1500);
        assertThat(messages("600")).isEmpty();
    }

    @Test
    void aCallNobodyAnswersGoesToThePersonalMailboxAndAHangUpEndsTheMessage() throws Exception {
        clear("201");
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA")); // registered, rings, never answers
        RtpTestPeer rtp = peer();
        TestPhone caller = mediaPhone("203", rtp, List.of("PCMU"));
        TestPhone.Call call = caller.call("201");
        assertThat(anna.awaitCall(5)).isNotNull();
        connected(call, rtp);
        assertThat(call.answerSdp()).as("the caller only speaks PCMU").contains("PCMU");

        assertThat(awaitBeep(rtp, Duration.ofSeconds(15))).isTrue();
        short[] said = ToneGenerator.speechLike(11, Duration.ofMillis(1800));
        rtp.sendSilence(Duration.ofMillis(300));
        rtp.sendPcm(said).get(10, TimeUnit.SECONDS);
        call.hangUp();

        assertThat(awaitTrue(() -> messages("201").size() == 1, Duration.ofSeconds(5))).as("the message is kept").isTrue();
        short[] stored = AudioCheck.readWav(voicemail.audio(mediaTenant, "201", messages("201").get(0).getId()));
        long sent = AudioCheck.durationOfSound(said).toMillis();
        assertThat(AudioCheck.durationOfSound(stored).toMillis()).isBetween(sent - 60, sent + 60);
    }

    @Test
    void aDigitBySipInfoEndsTheMessageLikeAnRtpDigit() throws Exception {
        clear("600");
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA"));
        TestPhone.Call call = phone.call("600");
        connected(call, rtp);
        assertThat(awaitBeep(rtp, Duration.ofSeconds(15))).isTrue();
        rtp.sendSilence(Duration.ofMillis(300));
        rtp.sendPcm(ToneGenerator.speechLike(3, Duration.ofMillis(1500))).get(10, TimeUnit.SECONDS);
        call.info("dtmf-relay", "Signal=#\r\nDuration=160\r\n");

        assertThat(phone.byes.poll(15, TimeUnit.SECONDS)).isNotNull();
        assertThat(awaitTrue(() -> messages("600").size() == 1, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void anOfferWithoutACommonCodecIsRefusedWith488() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA"));
        phone.withMedia("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.port() + " RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n");
        Response r = phone.call("600").awaitFinal(10);
        assertThat(r.getStatusCode()).isEqualTo(488);
    }

    @Test
    void aPcmaOnlyPhoneIsAnsweredInPcma() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA"));
        TestPhone.Call call = phone.call("650");
        connected(call, rtp);
        assertThat(call.answerSdp()).contains("PCMA").doesNotContain("PCMU");
        assertThat(rtp.awaitPackets(10, Duration.ofSeconds(5))).isTrue();
        assertThat(rtp.received()).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(8));
        assertThat(phone.byes.poll(15, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void anOfferWithoutAudioIsRefusedWith488() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA"));
        phone.withMedia("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=video " + rtp.port() + " RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n");
        assertThat(phone.call("600").awaitFinal(10).getStatusCode()).isEqualTo(488);
    }

    @Test
    void aCallerWhoNeverSendsAudioLeavesNoMessageAndIsReleasedAfterTheSilence() throws Exception {
        clear("600");
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA"));
        TestPhone.Call call = phone.call("600");
        connected(call, rtp);
        assertThat(awaitBeep(rtp, Duration.ofSeconds(15))).isTrue();
        // Not one RTP packet from the caller: the recording ends after the silence, nothing half-stored.
        assertThat(phone.byes.poll(20, TimeUnit.SECONDS)).as("released after the silence timeout").isNotNull();
        Thread.sleep(500);
        assertThat(messages("600")).isEmpty();
    }
}
