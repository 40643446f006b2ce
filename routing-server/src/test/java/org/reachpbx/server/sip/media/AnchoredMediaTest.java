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
import org.reachpbx.media.testing.SdpDirection;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A bridged call with {@code pbx.media.anchor-media=always}: each phone talks to the server's
 * address only, the audio and RFC 4733 digits go through (and the server sees the digits), and a
 * re-INVITE that moves one phone's media keeps the audio flowing.
 */
@TestPropertySource(properties = "pbx.media.anchor-media=always")
class AnchoredMediaTest extends MediaTestSupport {

    @Autowired
    MediaServices services;

    @Test
    void bothPhonesHearEachOtherThroughTheServerAndDigitsPassThrough() throws Exception {
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone anna = mediaPhone("201", annaRtp, List.of("PCMA", "PCMU"));
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMU"));
        cor.answering(TestPhone.Answering.ANSWER);
        TestPhone.Call call = anna.call("203");
        TestPhone.Incoming atCor = cor.awaitCall(5);
        Response ok = call.await(200, 10);
        assertThat(ok).isNotNull();
        call.ack();

        String offerToCor = new String(atCor.request.getRawContent(), StandardCharsets.UTF_8);
        assertThat(offerToCor).as("Cor is offered the server's media, not Anna's")
                .doesNotContain("m=audio " + annaRtp.port() + " ");
        assertThat(call.answerSdp()).doesNotContain("m=audio " + corRtp.port() + " ");
        annaRtp.remoteFromSdp(call.answerSdp());
        corRtp.remoteFromSdp(offerToCor);
        corRtp.remote(corRtp.remote(), 0, corRtp.telephoneEventPt()); // Cor answered PCMU

        annaRtp.sendTone(440, Duration.ofMillis(800));
        corRtp.sendTone(880, Duration.ofMillis(800)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(corRtp.receivedAudio(), 440), Duration.ofSeconds(5)))
                .as("Cor hears Anna (PCMA in, PCMU out)").isTrue();
        assertThat(awaitTrue(() -> AudioCheck.hasTone(annaRtp.receivedAudio(), 880), Duration.ofSeconds(5)))
                .as("Anna hears Cor").isTrue();
        assertThat(corRtp.received()).allSatisfy(p -> assertThat(p.source().getPort()).isNotEqualTo(annaRtp.port()));

        long seen = services.anchoredDigits().get();
        annaRtp.sendDigits("5#").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> corRtp.receivedDigits().contains("5#"), Duration.ofSeconds(5)))
                .as("the digits reach Cor as RFC 4733 events").isTrue();
        assertThat(services.anchoredDigits().get() - seen).as("and the server saw them").isGreaterThanOrEqualTo(2);

        // Anna's phone moves its media (a new port) by re-INVITE: the server follows, Cor is not disturbed.
        RtpTestPeer annaMoved = peer();
        call.reinvite(annaMoved.sdpOffer(List.of("PCMA"), true, SdpDirection.SENDRECV));
        Response moved = call.await(200, 10);
        assertThat(moved).isNotNull();
        call.ackReinvite(moved);
        assertThat(cor.reinvites).as("the other leg is not re-INVITEd").isEmpty();
        annaMoved.remoteFromSdp(new String(moved.getRawContent(), StandardCharsets.UTF_8));
        annaMoved.sendSilence(Duration.ofMillis(100)).get(5, TimeUnit.SECONDS); // lets the server latch the new port
        corRtp.sendTone(660, Duration.ofMillis(800)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(annaMoved.receivedAudio(), 660), Duration.ofSeconds(5)))
                .as("audio keeps flowing to the moved phone").isTrue();

        call.hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    /**
     * Music on hold inside an anchored call (MOH-01/03): Anna holds by re-INVITE (answered by the
     * server, Cor is not re-INVITEd); Cor, whose media already comes from the server, receives
     * music from it while Anna sends nothing; once Anna resumes, the music stops (nothing reaches Cor
     * while Anna is silent) and Anna's audio reaches Cor again through the relay.
     */
    @Test
    void theHeldPartyOfAnAnchoredCallHearsMusicFromTheServerUntilResumed() throws Exception {
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone anna = mediaPhone("201", annaRtp, List.of("PCMA"));
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        cor.answering(TestPhone.Answering.ANSWER);
        TestPhone.Call call = anna.call("203");
        TestPhone.Incoming atCor = cor.awaitCall(5);
        Response ok = call.await(200, 10);
        assertThat(ok).isNotNull();
        call.ack();
        String offerToCor = new String(atCor.request.getRawContent(), StandardCharsets.UTF_8);
        assertThat(offerToCor).as("anchored: Cor is offered the server's media").doesNotContain("m=audio " + annaRtp.port() + " ");
        annaRtp.remoteFromSdp(call.answerSdp());
        corRtp.remoteFromSdp(offerToCor);
        corRtp.sendSilence(Duration.ofMillis(100)).get(5, TimeUnit.SECONDS); // Cor's leg latches
        Thread.sleep(200);
        corRtp.clearReceived();

        call.reinvite(annaRtp.sdpOffer(List.of("PCMA"), true, SdpDirection.SENDONLY));
        Response held = call.await(200, 10);
        assertThat(held).as("the hold is answered").isNotNull();
        call.ackReinvite(held);
        assertThat(cor.reinvites).as("the server answers the hold; Cor is not re-INVITEd").isEmpty();
        assertThat(awaitTrue(() -> corRtp.receivedAudio().length > 8000, Duration.ofSeconds(10)))
                .as("Cor receives a second of music from the server while held").isTrue();
        assertThat(AudioCheck.durationOfSound(corRtp.receivedAudio()).toMillis()).as("the music has sound")
                .isGreaterThan(500);
        assertThat(corRtp.received()).allSatisfy(p -> assertThat(p.source().getPort()).isNotEqualTo(annaRtp.port()));

        call.reinvite(annaRtp.sdpOffer(List.of("PCMA"), true, SdpDirection.SENDRECV));
        Response resumed = call.await(200, 10);
        assertThat(resumed).isNotNull();
        call.ackReinvite(resumed);
        Thread.sleep(300);
        corRtp.clearReceived();
        Thread.sleep(1000);
        assertThat(corRtp.received()).as("no music once resumed").isEmpty();
        annaRtp.sendTone(440, Duration.ofMillis(600)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(corRtp.receivedAudio(), 440), Duration.ofSeconds(5)))
                .as("and Cor hears Anna through the relay again").isTrue();

        call.hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }
}
