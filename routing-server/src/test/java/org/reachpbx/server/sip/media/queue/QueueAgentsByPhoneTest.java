package org.reachpbx.server.sip.media.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 903 and 904 by phone (QUE-10, QUE-11): the agent keys the queue's number, the queue rules decide
 * as for the REST login (closed queue: members only; open queue: anyone, who becomes a member), the
 * agent hears the outcome, and the queue then rings (or no longer rings) the agent's phone.
 */
class QueueAgentsByPhoneTest extends QueueTestSupport {

    @Autowired
    private org.reachpbx.directory.access.AuditTrail audit;

    /** How long the built-in Dutch prompts sound one after the other, in ms. */
    private static long spoken(String... names) {
        long ms = 0;
        for (String name : names) {
            byte[] alaw = new org.reachpbx.media.play.PromptLibrary().get("nl", name).alaw();
            short[] pcm = new short[alaw.length];
            org.reachpbx.media.codec.G711.decode(org.reachpbx.media.codec.Codec.PCMA, alaw, 0, alaw.length, pcm, 0);
            ms += AudioCheck.durationOfSound(pcm).toMillis();
        }
        return ms;
    }

    /**
     * {@code phone} dials {@code code}, keys the queue number once asked and hears the outcome until
     * the server hangs up; returns how long the outcome sounded, in ms.
     */
    private long dial(TestPhone phone, String code, String queue) throws Exception {
        RtpTestPeer rtp = peer();
        phone.withMedia(rtp.sdpOffer(java.util.List.of("PCMA"), true));
        TestPhone.Call call = phone.call(code);
        connected(call, rtp);
        int asked = awaitPrompt(rtp, 0, Duration.ofSeconds(15));
        assertThat(asked).as("\"enter the extension\" before the queue number").isPositive();
        rtp.sendDigits(queue + "#").get(5, TimeUnit.SECONDS);
        assertThat(phone.byes.poll(15, TimeUnit.SECONDS)).as("the outcome, then the server hangs up").isNotNull();
        return AudioCheck.durationOfSound(audioSince(rtp, asked)).toMillis();
    }

    @Test
    void aMemberLogsInWith903IsRungByTheQueueAndLogsOutWith904() throws Exception {
        TestPhone anna = queuePhone("211", peer());
        long heard = dial(anna, "903", "410");
        assertThat(heard).as("\"you are now logged in\"").isBetween(spoken("login-ok") - 300, spoken("login-ok") + 300);
        assertThat(queues.loggedIn(queue("410"))).as("QUE-10: the member is logged in").containsExactly("211");
        assertThat(audit.latest(queueTenant, 10)).as("audited like the REST login").anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("Queues: log in by phone");
            assertThat(e.getUsername()).isEqualTo("phone 211");
            assertThat(e.getDetail()).isEqualTo("agent 211 to queue 410");
        });

        anna.answering(TestPhone.Answering.RING);
        RtpTestPeer evaRtp = peer();
        TestPhone eva = queuePhone("219", evaRtp);
        TestPhone.Call waiting = eva.call("410");
        connected(waiting, evaRtp);
        assertThat(anna.awaitCall(10).header("Alert-Info")).as("the queue rings the agent who logged in by phone")
                .contains("alert-acd");
        waiting.hangUp();
        assertThat(anna.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();

        heard = dial(anna, "904", "410");
        assertThat(heard).as("\"you are now logged out\"").isBetween(spoken("logout-ok") - 300, spoken("logout-ok") + 300);
        assertThat(queues.loggedIn(queue("410"))).as("QUE-11").isEmpty();
        assertThat(audit.latest(queueTenant, 10)).anySatisfy(e ->
                assertThat(e.getAction()).isEqualTo("Queues: log out by phone"));
    }

    @Test
    void aClosedQueueRefusesANonMemberAndAnOpenQueueMakesThemAMember() throws Exception {
        TestPhone cor = queuePhone("213", peer());
        long heard = dial(cor, "903", "410");
        assertThat(heard).as("QUE-10: \"you are not allowed\", goodbye")
                .isGreaterThan(spoken("access-denied") + spoken("goodbye") - 400);
        assertThat(queues.loggedIn(queue("410"))).as("a closed queue: members only").isEmpty();

        dial(cor, "903", "411");
        assertThat(queues.loggedIn(queue("411"))).as("QUE-10: an open queue takes any user").containsExactly("213");
        cor.answering(TestPhone.Answering.RING);
        RtpTestPeer evaRtp = peer();
        TestPhone eva = queuePhone("219", evaRtp);
        TestPhone.Call waiting = eva.call("411");
        connected(waiting, evaRtp);
        assertThat(cor.awaitCall(10)).as("the new member is rung").isNotNull();
        waiting.hangUp();
        assertThat(cor.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();

        heard = dial(cor, "903", "499");
        assertThat(heard).as("no such queue: \"the number does not exist\", goodbye")
                .isGreaterThan(spoken("invalid-extension") + spoken("goodbye") - 400);
    }
}
