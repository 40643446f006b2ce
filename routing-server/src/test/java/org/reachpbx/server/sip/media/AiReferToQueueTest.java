package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.queue.QueueLiveState;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * AI-T1 over SIP and RTP: SmartIVR 580 of the h12 tenant (a test phone on 127.0.0.12:5080) REFERs
 * its caller to queue 400; the AI leg is released at once, the caller waits in the queue (ringback)
 * and is bridged to the agent, 304, who answers.
 */
class AiReferToQueueTest extends MenusTenantSupport {

    @Autowired
    private QueueLiveState queues;

    @AfterEach
    void agentLogsOut() {
        queues.logout(new QueueKey(menusTenant, "400"), "304");
    }

    @Test
    void theAiServiceHandsTheCallerToAQueueAndTheAgentWhoAnswersTalksToTheCaller() throws Exception {
        queues.login(new QueueKey(menusTenant, "400"), "304");
        RtpTestPeer aiRtp = peer();
        TestPhone ai = new TestPhone("smartivr", MENUS_DOMAIN, "none", server.port(), "127.0.0.12", 5080);
        closeAfterTest(ai);
        ai.withMedia(aiRtp.sdpOffer(List.of("PCMA"), true)).answering(TestPhone.Answering.ANSWER, 100);
        RtpTestPeer robRtp = peer();
        RtpTestPeer gretaRtp = peer();
        TestPhone rob = menusPhone("rfc", robRtp, true);
        TestPhone greta = menusPhone("agent", gretaRtp, true).answering(TestPhone.Answering.ANSWER, 1500);

        TestPhone.Call call = rob.call("580");
        connected(call, robRtp);
        TestPhone.Incoming atAi = ai.awaitCall(10);
        aiRtp.remoteFromSdp(new String(atAi.request.getRawContent(), StandardCharsets.UTF_8));
        aiRtp.sendTone(700, Duration.ofMillis(800)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(robRtp.receivedAudio(), 700), Duration.ofSeconds(5)))
                .as("the caller talks to the AI service").isTrue();

        atAi.refer("sip:400@" + MENUS_DOMAIN);
        Response accepted = atAi.responses.poll(5, TimeUnit.SECONDS);
        assertThat(accepted).isNotNull();
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(ai.byes.poll(5, TimeUnit.SECONDS)).as("AI-02: the AI leg is released at the transfer").isNotNull();

        int inQueue = robRtp.received().size();
        TestPhone.Incoming atGreta = greta.awaitCall(10);
        assertThat(atGreta).as("AI-T1: the caller is in queue 400, whose agent rings").isNotNull();
        assertThat(atGreta.header("Alert-Info")).as("a queue call (RING-01)").contains("alert-acd");
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(robRtp, inQueue), 425), Duration.ofSeconds(5)))
                .as("the waiting caller hears the queue's ringback").isTrue();
        gretaRtp.remoteFromSdp(new String(atGreta.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !greta.acks.isEmpty(), Duration.ofSeconds(5))).as("304's answer is taken").isTrue();

        int before = robRtp.received().size();
        gretaRtp.sendTone(880, Duration.ofMillis(800));
        robRtp.sendTone(440, Duration.ofMillis(800)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(gretaRtp.receivedAudio(), 440), Duration.ofSeconds(5)))
                .as("the agent hears the caller").isTrue();
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(robRtp, before), 880), Duration.ofSeconds(5)))
                .as("the caller hears the agent").isTrue();
        assertThat(rob.reinvites).as("the caller was not re-INVITEd").isEmpty();

        call.hangUp();
        assertThat(greta.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }
}
