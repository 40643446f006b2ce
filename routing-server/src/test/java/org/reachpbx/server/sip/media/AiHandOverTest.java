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
import org.reachpbx.server.sip.TestPhone;

/**
 * The AI extension (AI-01/02, AI-T1): a call to 580 is connected to the external AI service (a SIP
 * endpoint, here a test phone on 127.0.0.5:5080); the service hands the caller to extension 201 by
 * REFER, its leg is released at once, and the caller talks to 201 without being re-INVITEd.
 */
class AiHandOverTest extends MediaTestSupport {

    @Test
    void theAiServiceHandsTheCallerToAnExtensionByReferAndItsLegEndsAtOnce() throws Exception {
        RtpTestPeer aiRtp = peer();
        TestPhone ai = new TestPhone("smartivr", MEDIA_DOMAIN, "none", server.port(), "127.0.0.5", 5080);
        closeAfterTest(ai);
        ai.withMedia(aiRtp.sdpOffer(List.of("PCMA"), true)).answering(TestPhone.Answering.ANSWER, 100);
        RtpTestPeer corRtp = peer();
        RtpTestPeer annaRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", annaRtp, List.of("PCMA"));
        anna.answering(TestPhone.Answering.ANSWER, 300);

        TestPhone.Call call = cor.call("580");
        connected(call, corRtp);
        TestPhone.Incoming atAi = ai.awaitCall(10);
        aiRtp.remoteFromSdp(new String(atAi.request.getRawContent(), StandardCharsets.UTF_8));
        aiRtp.sendTone(700, Duration.ofMillis(800)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(corRtp.receivedAudio(), 700), Duration.ofSeconds(5)))
                .as("AI-02: the caller talks to the AI service").isTrue();

        atAi.refer("sip:201@" + MEDIA_DOMAIN);
        Response accepted = atAi.responses.poll(5, TimeUnit.SECONDS);
        assertThat(accepted).isNotNull();
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(ai.byes.poll(5, TimeUnit.SECONDS)).as("the AI leg is released at the transfer").isNotNull();

        TestPhone.Incoming atAnna = anna.awaitCall(10);
        annaRtp.remoteFromSdp(new String(atAnna.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !anna.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        int before = corRtp.received().size();
        annaRtp.sendTone(880, Duration.ofMillis(800));
        corRtp.sendTone(440, Duration.ofMillis(800)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(annaRtp.receivedAudio(), 440), Duration.ofSeconds(5)))
                .as("201 hears the caller").isTrue();
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(corRtp, before), 880), Duration.ofSeconds(5)))
                .as("the caller hears 201").isTrue();
        assertThat(cor.reinvites).as("the caller was not re-INVITEd").isEmpty();

        call.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }
}
