package org.reachpbx.server.sip.media.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.queue.QueueLiveState;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.media.MediaTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Queues over SIP and RTP (QUE) on the media tenant's queues 400 (fixed order 201, 202, account
 * music, exit key to voicemail 600, nobody logged in → 650), 401 (agent 204, 30 s wrap-up,
 * ringback, 5 s maximum wait → 650) and 402 (ring all 201, 202). Cor (203) calls; the agents log in
 * through the queue's live state as 903 would. {@code QueueEngine} decides; these tests check
 * what the phones experience.
 */
class QueueCallTest extends MediaTestSupport {

    @Autowired
    private QueueLiveState live;
    @Autowired
    private org.reachpbx.server.queue.QueueEventLog eventLog;
    @Autowired
    private org.reachpbx.ui.queues.QueueBoard board;
    @Autowired
    private org.springframework.boot.test.web.client.TestRestTemplate anonymous;

    private final Instant testStarted = Instant.now().minusSeconds(1);

    /** The queue's statistics since the test started, one interval per day, as the REST API gives them (QUE-39). */
    private com.fasterxml.jackson.databind.JsonNode statsToday(String number) throws Exception {
        eventLog.flush();
        var r = anonymous.withBasicAuth("admin", "demo-admin").getForEntity("/api/tenants/" + mediaTenant + "/queues/"
                + number + "/stats?interval=DAY&from=" + testStarted + "&to=" + Instant.now().plusSeconds(60), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode intervals = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.getBody()).get("intervals");
        return intervals.get(intervals.size() - 1);
    }

    private QueueKey queue(String number) {
        return new QueueKey(mediaTenant, number);
    }

    @AfterEach
    void logEveryoneOut() {
        for (String q : List.of("400", "401", "402", "403")) {
            for (String a : live.loggedIn(queue(q))) {
                live.logout(queue(q), a);
            }
        }
    }

    private TestPhone.Call waitInQueue(TestPhone cor, RtpTestPeer corRtp, String number) throws Exception {
        TestPhone.Call call = cor.call(number);
        connected(call, corRtp);
        return call;
    }

    @Test
    void agentsRingInTheStrategysOrderWhileTheCallerHearsMusicAndTheFirstToAnswerIsBridged() throws Exception {
        RtpTestPeer corRtp = peer();
        RtpTestPeer bramRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        TestPhone bram = mediaPhone("202", bramRtp, List.of("PCMA"));
        anna.answering(TestPhone.Answering.RING);
        bram.answering(TestPhone.Answering.ANSWER, 300);
        live.login(queue("400"), "201");
        live.login(queue("400"), "202");

        TestPhone.Call call = waitInQueue(cor, corRtp, "400");
        TestPhone.Incoming atAnna = anna.awaitCall(10);
        assertThat(atAnna).as("QUE-15: rank 1 rings first").isNotNull();
        assertThat(atAnna.header("Alert-Info")).as("RING-01: the ACD ringtone").contains("alert-acd");
        assertThat(bram.incoming).as("one agent at a time").isEmpty();
        assertThat(awaitTrue(() -> AudioCheck.durationOfSound(corRtp.receivedAudio()).toMillis() > 2000,
                Duration.ofSeconds(5))).as("QUE-30/MOH-02: the account's music while Anna's phone rings").isTrue();
        assertThat(AudioCheck.hasTone(corRtp.receivedAudio(), 425)).as("music, not ringback").isFalse();

        // Anna does not answer within the ring timeout (5 s, QUE-23): the next in order rings.
        TestPhone.Incoming atBram = bram.awaitCall(10);
        assertThat(atBram).as("QUE-14: the next agent after the ring timeout").isNotNull();
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).as("Anna's offer is withdrawn").isNotNull();
        String offerToBram = new String(atBram.request.getRawContent(), StandardCharsets.UTF_8);
        bramRtp.remoteFromSdp(offerToBram);
        assertThat(awaitTrue(() -> !bram.acks.isEmpty(), Duration.ofSeconds(5))).as("Bram's answer is taken").isTrue();

        int before = corRtp.received().size();
        bramRtp.sendTone(880, Duration.ofMillis(800));
        corRtp.sendTone(440, Duration.ofMillis(800)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(bramRtp.receivedAudio(), 440), Duration.ofSeconds(5)))
                .as("Bram hears Cor").isTrue();
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(corRtp, before), 880), Duration.ofSeconds(5)))
                .as("Cor hears Bram").isTrue();
        assertThat(awaitTrue(() -> live.waiting(queue("400")).isEmpty(), Duration.ofSeconds(2)))
                .as("answered calls leave the queue").isTrue();
        assertThat(live.agent(queue("400"), "202").calls()).as("Bram is in a queue call").isEqualTo(1);

        call.hangUp();
        assertThat(bram.byes.poll(5, TimeUnit.SECONDS)).as("Cor's hang-up ends Bram's leg").isNotNull();
        assertThat(awaitTrue(() -> live.agent(queue("400"), "202").lastCallEndedAt() != null
                && live.agent(queue("400"), "202").calls() == 0, Duration.ofSeconds(2)))
                .as("the call's end starts Bram's wrap-up").isTrue();
        com.fasterxml.jackson.databind.JsonNode day = statsToday("400");
        assertThat(day.get("offered").asInt()).isEqualTo(1);
        assertThat(day.get("answered").asInt()).isEqualTo(1);
        assertThat(day.get("answeredWithinServiceLevel").asInt()).as("answered after about 5 s").isEqualTo(1);
        assertThat(day.get("averageWaitSeconds").asLong()).isBetween(4L, 12L);
        assertThat(day.get("agents").get(0).get("agent").asText()).isEqualTo("202");
        assertThat(day.get("agents").get(0).get("answered").asInt()).isEqualTo(1);
    }

    /**
     * The queue decides when an agent's call ends, not at its one-second tick: the agent's call no
     * longer counts against them (QUE-08) by the time the queue hears of it (the benchmark's
     * dispatch latency, docs/performance.md "Queues").
     */
    @Test
    void anAgentWhoHangsUpIsRungAtOnceForTheNextWaitingCaller() throws Exception {
        RtpTestPeer corRtp = peer();
        RtpTestPeer dirkRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone dirk = mediaPhone("204", dirkRtp, List.of("PCMA"));
        TestPhone bram = mediaPhone("202", peer(), List.of("PCMA"));
        bram.answering(TestPhone.Answering.ANSWER);
        live.login(queue("400"), "202");

        waitInQueue(cor, corRtp, "400");
        TestPhone.Incoming first = bram.awaitCall(10);
        assertThat(first).as("Bram gets Cor").isNotNull();
        assertThat(awaitTrue(() -> !bram.acks.isEmpty(), Duration.ofSeconds(5))).as("Bram's answer is taken").isTrue();
        waitInQueue(dirk, dirkRtp, "400");
        assertThat(awaitTrue(() -> live.waiting(queue("400")).size() == 1, Duration.ofSeconds(5)))
                .as("Dirk waits while Bram talks").isTrue();

        long hungUp = System.nanoTime();
        first.hangUp();
        TestPhone.Incoming next = bram.awaitCall(5);
        long millis = (System.nanoTime() - hungUp) / 1_000_000;
        assertThat(next).as("Bram gets Dirk").isNotNull();
        assertThat(millis).as("rung on the hang-up, not at the queue's next tick").isLessThan(500);
        assertThat(awaitTrue(() -> bram.acks.size() == 2, Duration.ofSeconds(5))).as("Bram takes Dirk").isTrue();
        next.hangUp();
        assertThat(dirk.byes.poll(5, TimeUnit.SECONDS)).as("Bram's hang-up ends Dirk's call").isNotNull();
    }

    @Test
    void ringAllRingsEveryAvailableAgentAtOnce() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        TestPhone bram = mediaPhone("202", peer(), List.of("PCMA"));
        var admin = anonymous.withBasicAuth("admin", "demo-admin");
        String agents = "/api/tenants/" + mediaTenant + "/queues/402/agents/";
        assertThat(admin.postForEntity(agents + "201/login", null, String.class).getStatusCode().value())
                .as("QUE-10: the rules accept a member's login").isEqualTo(200);
        assertThat(admin.postForEntity(agents + "202/login", null, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(admin.postForEntity(agents + "600/login", null, String.class).getBody())
                .as("QUE-10: only user extensions log in").contains("not a user extension");
        assertThat(admin.postForEntity("/api/tenants/" + mediaTenant + "/queues/999/agents/201/login", null,
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(live.loggedIn(queue("402"))).containsExactlyInAnyOrder("201", "202");
        TestPhone.Call call = waitInQueue(cor, corRtp, "402");
        assertThat(anna.awaitCall(10)).as("QUE-16: Anna rings").isNotNull();
        assertThat(bram.awaitCall(2)).as("QUE-16: Bram rings at the same time").isNotNull();
        assertThat(awaitTrue(() -> AudioCheck.hasTone(corRtp.receivedAudio(), 425), Duration.ofSeconds(6)))
                .as("QUE-30: ringback while the queue's music is off").isTrue();
        call.hangUp();
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(bram.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void anAgentInWrapUpIsNotRungAndAfterTheMaximumWaitTheCallerGoesOn() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone dora = mediaPhone("204", peer(), List.of("PCMA"));
        live.login(queue("401"), "204");
        live.ringing(mediaTenant, "204", true);
        live.callStarted(queue("401"), "204");
        live.ringing(mediaTenant, "204", false);
        live.callEnded(queue("401"), "204", Instant.now(), 10); // wrap-up of 30 s starts now (QUE-22)

        TestPhone.Call call = waitInQueue(cor, corRtp, "401");
        assertThat(awaitTrue(() -> AudioCheck.hasTone(corRtp.receivedAudio(), 425), Duration.ofSeconds(6)))
                .as("QUE-30: ringback while waiting").isTrue();
        // QUE-35: after 5 s auto-answer 650 takes the caller: its message, then it hangs up.
        assertThat(cor.byes.poll(20, TimeUnit.SECONDS)).as("650 answered and released the call").isNotNull();
        assertThat(dora.incoming).as("QUE-22: Dora in wrap-up was never rung").isEmpty();
        assertThat(live.waiting(queue("401"))).isEmpty();
        assertThat(call).isNotNull();
    }

    @Test
    void withNobodyLoggedInTheCallGoesToTheNoAgentsDestination() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        waitInQueue(cor, corRtp, "400");
        // QUE-37: auto-answer 650 plays its message and releases the call; no agent rings.
        assertThat(cor.byes.poll(15, TimeUnit.SECONDS)).as("650 released the call").isNotNull();
        assertThat(AudioCheck.durationOfSound(corRtp.receivedAudio()).toMillis()).as("650's message").isGreaterThan(300);
        assertThat(anna.incoming).isEmpty();
        assertThat(live.waiting(queue("400"))).isEmpty();
    }

    @Test
    void keyOneSendsTheCallerToTheExitDestination() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        anna.answering(TestPhone.Answering.RING);
        live.login(queue("400"), "202"); // logged in, no phone: nothing rings, the caller waits
        TestPhone.Call call = waitInQueue(cor, corRtp, "400");
        assertThat(awaitTrue(() -> AudioCheck.durationOfSound(corRtp.receivedAudio()).toMillis() > 1000,
                Duration.ofSeconds(5))).as("waiting with music").isTrue();
        corRtp.sendDigits("1").get(5, TimeUnit.SECONDS);
        assertThat(awaitBeep(corRtp, Duration.ofSeconds(20))).as("QUE-34: voicemail 600 records after its tone").isTrue();
        assertThat(live.waiting(queue("400"))).isEmpty();
        call.hangUp();
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingLeavesTheQueueAndNothingRings() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", peer(), List.of("PCMA"));
        anna.answering(TestPhone.Answering.RING);
        live.login(queue("400"), "201");
        TestPhone.Call call = waitInQueue(cor, corRtp, "400");
        assertThat(anna.awaitCall(10)).isNotNull();
        assertThat(live.waiting(queue("400"))).hasSize(1);
        org.reachpbx.ui.queues.QueueBoard.QueueNow onBoard = board.queues(mediaTenant).stream()
                .filter(q -> q.number().equals("400")).findFirst().orElseThrow();
        assertThat(onBoard.waitingSeconds()).as("the wallboard shows Cor waiting").hasSize(1);
        assertThat(onBoard.agents()).as("and Anna's phone ringing, Bram logged out").containsExactly(
                new org.reachpbx.ui.queues.QueueBoard.Agent("201", org.reachpbx.ui.queues.QueueBoard.AgentState.RINGING),
                new org.reachpbx.ui.queues.QueueBoard.Agent("202", org.reachpbx.ui.queues.QueueBoard.AgentState.LOGGED_OUT));
        call.hangUp();
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).as("the offer is withdrawn").isNotNull();
        assertThat(awaitTrue(() -> live.waiting(queue("400")).isEmpty()
                && !live.agent(queue("400"), "201").queueCallRinging(), Duration.ofSeconds(3)))
                .as("the caller left the queue; Anna is free again").isTrue();
        assertThat(awaitTrue(() -> {
            try {
                return statsToday("400").get("abandoned").asInt() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(3))).as("QUE-39: counted abandoned").isTrue();
        assertThat(statsToday("400").get("answered").asInt()).isZero();
        var admin = anonymous.withBasicAuth("admin", "demo-admin");
        String base = "/api/tenants/" + mediaTenant + "/queues/400/stats";
        assertThat(admin.getForEntity(base + "?interval=WEEK", String.class).getStatusCode().value())
                .as("an unknown interval is refused").isEqualTo(400);
        assertThat(admin.getForEntity(base + "?from=yesterday", String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(admin.getForEntity("/api/tenants/999999/queues/400/stats", String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(anonymous.getForEntity(base, String.class).getStatusCode().value()).as("admins only").isEqualTo(401);
        var csv = admin.getForEntity(base + "?format=csv&interval=DAY&from=" + testStarted, String.class);
        assertThat(csv.getBody()).startsWith("start,end,agent,offered,answered").as("offered 1, answered 0, abandoned 1").contains(",,1,0,0,1,");
    }

    @Test
    void theWaitingCallerHearsTheJoinToneTheIntroRingbackAndTheirPositionInThatOrder() throws Exception {
        RtpTestPeer corRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        live.login(queue("403"), "202"); // logged in without a phone: nothing rings, Cor waits
        TestPhone.Call call = waitInQueue(cor, corRtp, "403");
        try {
            hearsTheAnnouncementsInOrder(corRtp);
        } finally {
            call.hangUp();
        }
    }

    private void hearsTheAnnouncementsInOrder(RtpTestPeer corRtp) throws Exception {
        assertThat(awaitTrue(() -> firstWindow(corRtp.receivedAudio(), 0, true) >= 0, Duration.ofSeconds(3)))
                .as("QUE-32: the join tone, one ringback cycle").isTrue();
        assertThat(awaitTrue(() -> firstWindow(corRtp.receivedAudio(), 0, false) >= 0, Duration.ofSeconds(9)))
                .as("QUE-31: the intro").isTrue();
        short[] heard = corRtp.receivedAudio();
        int intro = firstWindow(heard, 0, false);
        assertThat(firstWindow(heard, 0, true)).as("QUE-26: the join tone before the intro").isLessThan(intro);
        int afterIntro = intro + 12; // the intro (thank-you, 0.9 s) is over
        assertThat(awaitTrue(() -> firstWindow(corRtp.receivedAudio(), afterIntro, true) >= 0, Duration.ofSeconds(6)))
                .as("QUE-30: ringback after the intro (queue music off)").isTrue();
        assertThat(awaitTrue(() -> firstWindow(corRtp.receivedAudio(), afterIntro, false) >= 0, Duration.ofSeconds(12)))
                .as("QUE-27: \"you are number 1\" after 10 s").isTrue();
    }

    /** The first 100 ms window from {@code from} with sound that is ({@code tone}) or is not the 425 Hz ringback; -1. */
    private static int firstWindow(short[] audio, int from, boolean tone) {
        for (int w = from; (w + 1) * 800 <= audio.length; w++) {
            short[] window = java.util.Arrays.copyOfRange(audio, w * 800, (w + 1) * 800);
            if (AudioCheck.rms(window) > AudioCheck.SILENCE && AudioCheck.hasTone(window, 425) == tone) {
                return w;
            }
        }
        return -1;
    }
}
