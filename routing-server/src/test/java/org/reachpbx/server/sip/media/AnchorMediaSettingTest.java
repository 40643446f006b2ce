package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code anchorMedia} per tenant and per channel (issue 11), with the server's default left at
 * {@code when-needed}: a tenant set to {@code ALWAYS} has its calls anchored (the callee is offered
 * the server's media port and the audio goes through the server), the media tenant without a
 * setting passes the caller's SDP to the callee unchanged, and a channel set to
 * {@code WHEN_NEEDED} inside the anchoring tenant passes it unchanged too.
 */
class AnchorMediaSettingTest extends MediaTestSupport {

    private static final String ANCHORED_DOMAIN = "anchored.reachpbx.test";

    @BeforeEach
    void anchoredTenant() throws Exception {
        org.reachpbx.server.sip.TestTenants.ensure(store, views, "Anchored Test BV", "sip/anchored-tenant.yaml");
    }

    @Test
    void aTenantSetToAlwaysAnchorsItsCalls() throws Exception {
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone anna = anchoredPhone("201", annaRtp);
        TestPhone cor = anchoredPhone("203", corRtp);
        cor.answering(TestPhone.Answering.ANSWER);
        TestPhone.Call call = anna.call("203");
        TestPhone.Incoming atCor = cor.awaitCall(5);
        Response ok = call.await(200, 10);
        assertThat(ok).isNotNull();
        call.ack();

        String offerToCor = sdp(atCor);
        assertThat(audioPort(offerToCor)).as("Cor is offered the server's media port, not Anna's")
                .isNotEqualTo(annaRtp.port());
        assertThat(audioPort(call.answerSdp())).as("Anna gets the server's port, not Cor's").isNotEqualTo(corRtp.port());
        assertThat(engine.activeSessions()).as("two legs anchored in the server").isEqualTo(2);

        annaRtp.remoteFromSdp(call.answerSdp());
        corRtp.remoteFromSdp(offerToCor);
        annaRtp.sendTone(440, Duration.ofMillis(600)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(corRtp.receivedAudio(), 440), Duration.ofSeconds(5)))
                .as("Cor hears Anna through the server").isTrue();
        assertThat(corRtp.received()).allSatisfy(p -> assertThat(p.source().getPort()).isEqualTo(audioPort(offerToCor)));

        call.hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aChannelSetToWhenNeededInAnAnchoringTenantPassesTheSdpEndToEnd() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = anchoredPhone("202", bramRtp);
        TestPhone cor = anchoredPhone("203", corRtp);
        assertEndToEnd(bram, bramRtp, cor);
    }

    @Test
    void aTenantWithoutTheSettingTakesTheServersDefaultAndPassesTheSdpEndToEnd() throws Exception {
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone anna = mediaPhone("201", annaRtp, List.of("PCMA", "PCMU"));
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA", "PCMU"));
        assertEndToEnd(anna, annaRtp, cor);
    }

    private void assertEndToEnd(TestPhone caller, RtpTestPeer callerRtp, TestPhone callee) throws Exception {
        callee.answering(TestPhone.Answering.ANSWER);
        TestPhone.Call call = caller.call("203");
        TestPhone.Incoming atCallee = callee.awaitCall(5);
        Response ok = call.await(200, 10);
        assertThat(ok).isNotNull();
        call.ack();
        assertThat(audioPort(sdp(atCallee))).as("the callee is offered the caller's own media port")
                .isEqualTo(callerRtp.port());
        assertThat(engine.activeSessions()).as("no media session for a call passed end to end").isZero();
        call.hangUp();
        assertThat(callee.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    private TestPhone anchoredPhone(String ext, RtpTestPeer rtp) throws Exception {
        TestPhone phone = new TestPhone("ach" + ext, ANCHORED_DOMAIN, "pw-a" + ext + "-secret", server.port());
        closeAfterTest(phone);
        Response r = phone.register(300, "SHA-256");
        assertThat(r).as("ach%s registers", ext).isNotNull();
        assertThat(r.getStatusCode()).as("ach%s registers", ext).isEqualTo(200);
        return phone.withMedia(rtp.sdpOffer(List.of("PCMA", "PCMU"), true));
    }

    private static String sdp(TestPhone.Incoming incoming) {
        return new String(incoming.request.getRawContent(), StandardCharsets.UTF_8);
    }

    /** The port of the SDP's {@code m=audio} line. */
    private static int audioPort(String sdp) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=audio ")) {
                return Integer.parseInt(line.split(" ")[1]);
            }
        }
        throw new AssertionError("no m=audio line in\n" + sdp);
    }
}
