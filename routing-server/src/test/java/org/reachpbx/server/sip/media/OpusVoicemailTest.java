package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.ReceivedPacket;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.TestOpus;
import org.reachpbx.media.testing.ToneGenerator;
import org.reachpbx.server.sip.TestPhone;

/**
 * An Opus-only phone (a WebRTC-style client) over SIP and RTP: its offer is answered with Opus,
 * it hears the greeting and the tone as Opus, and the message it leaves is stored as the audio it
 * sent (decoded to the engine's 8 kHz).
 */
class OpusVoicemailTest extends MediaTestSupport {

    @Test
    void anOpusOnlyPhoneIsAnsweredWithOpusAndLeavesAMessageThatIsTheSentAudio() throws Exception {
        voicemail.list(mediaTenant, "600", null).forEach(m -> voicemail.delete(mediaTenant, "600", m.getId()));
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("OPUS"));
        TestPhone.Call call = phone.call("600");
        connected(call, rtp);
        assertThat(call.answerSdp()).contains("a=rtpmap:111 opus/48000/2").doesNotContain("PCMA").doesNotContain("PCMU");

        assertThat(awaitBeep(rtp, Duration.ofSeconds(15))).as("greeting and tone heard through Opus").isTrue();
        assertThat(rtp.received()).extracting(ReceivedPacket::payloadType).containsOnly(TestOpus.PAYLOAD_TYPE);
        assertThat(AudioCheck.durationOfSound(rtp.receivedAudio()).toMillis()).as("the greeting was played")
                .isGreaterThan(1500);

        short[] said = ToneGenerator.speechLike(7, Duration.ofMillis(2500));
        rtp.sendSilence(Duration.ofMillis(500));
        rtp.sendPcm(said);
        rtp.sendDigits("#").get(10, TimeUnit.SECONDS);

        assertThat(phone.byes.poll(15, TimeUnit.SECONDS)).as("the server hangs up after saving").isNotNull();
        assertThat(awaitTrue(() -> voicemail.list(mediaTenant, "600", null).size() == 1, Duration.ofSeconds(5))).isTrue();
        VoicemailMessage m = voicemail.list(mediaTenant, "600", null).get(0);
        short[] stored = AudioCheck.readWav(voicemail.audio(mediaTenant, "600", m.getId()));
        long sent = AudioCheck.durationOfSound(said).toMillis();
        long sound = AudioCheck.durationOfSound(stored).toMillis();
        assertThat(sound).as("the message's sound lasts as long as what was said").isBetween(sent - 60, sent + 60);
        assertThat(AudioCheck.similarity(said, stored)).as("the stored audio is the sent audio").isGreaterThan(0.8);
    }
}
