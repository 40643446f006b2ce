package org.reachpbx.server.sip.media.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sip.address.SipURI;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.queue.QueueLiveState.Waiting;
import org.reachpbx.server.sip.TestPhone;

/**
 * Who the queue rings, beyond the strategy, on the wire: weights across queues (QUE-24), an agent
 * in an ordinary call (QUE-08) and second call to agents (QUE-33), a forward extension as agent
 * over the trunk (FWD-02, QUE-38) and individual forwarding (QUE-36). {@code QueueEngine} decides
 * over what the server knows; these tests check which phone rings.
 */
class QueueAgentChoiceTest extends QueueTestSupport {

    private TestPhone.Call waitIn(String caller, String number) throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone phone = queuePhone(caller, rtp);
        TestPhone.Call call = phone.call(number);
        connected(call, rtp);
        return call;
    }

    @Test
    void anAgentOfTwoQueuesGetsTheCallOfTheHeavierQueueFirstThoughTheOtherWaitedLonger() throws Exception {
        TestPhone bram = queuePhone("212", peer()).answering(TestPhone.Answering.RING);
        queues.login(queue("430"), "212");
        queues.login(queue("431"), "212");
        // Another queue call rings at Bram (QUE-08): both calls wait until it stops.
        queues.ringing(queueTenant, "212", true);
        TestPhone.Call light = waitIn("219", "431");
        assertThat(awaitTrue(() -> queues.waiting(queue("431")).size() == 1, Duration.ofSeconds(5))).isTrue();
        TestPhone.Call heavy = waitIn("213", "430");
        assertThat(awaitTrue(() -> queues.waiting(queue("430")).size() == 1, Duration.ofSeconds(5))).isTrue();
        assertThat(bram.incoming.poll(1, java.util.concurrent.TimeUnit.SECONDS)).as("Bram is busy").isNull();
        queues.ringing(queueTenant, "212", false);
        try {
            assertThat(bram.awaitCall(10)).as("Bram rings once he is free").isNotNull();
            assertThat(queues.waiting(queue("430"))).as("QUE-24: the heavier queue's call (weight 80) rings")
                    .singleElement().extracting(Waiting::offered).isEqualTo(true);
            assertThat(queues.waiting(queue("431"))).as("the lighter queue's older call (weight 20) still waits")
                    .singleElement().extracting(Waiting::offered).isEqualTo(false);
        } finally {
            heavy.hangUp();
            light.hangUp();
        }
    }

    @Test
    void anAgentInAnOrdinaryCallIsNotRungUnlessTheQueueOffersASecondCall() throws Exception {
        TestPhone anna = queuePhone("211", peer()).answering(TestPhone.Answering.ANSWER);
        TestPhone cor = queuePhone("213", peer());
        TestPhone.Call private_ = cor.call("211");
        assertThat(anna.awaitCall(10)).isNotNull();
        assertThat(private_.await(200, 10)).as("Anna answers Cor").isNotNull();
        private_.ack();
        anna.answering(TestPhone.Answering.RING);

        queues.login(queue("421"), "211");
        TestPhone.Call waiting = waitIn("219", "421");
        try {
            assertThat(anna.incoming.poll(3, TimeUnit.SECONDS)).as("QUE-08: in a call, Anna is not rung").isNull();
            private_.hangUp();
            assertThat(anna.incoming.poll(10, TimeUnit.SECONDS)).as("free again, Anna is rung").isNotNull();
        } finally {
            waiting.hangUp();
        }
    }

    @Test
    void aForwardExtensionAgentRingsAtItsOutsideNumberOverTheTrunk() throws Exception {
        TestPhone carrier = trunk().answering(TestPhone.Answering.RING);
        TestPhone.Call waiting = waitIn("219", "432");
        try {
            TestPhone.Incoming out = carrier.awaitCall(10);
            assertThat(((SipURI) out.request.getRequestURI()).getUser())
                    .as("FWD-02: the forward extension's number is the agent").isEqualTo("0612345678");
            assertThat(queues.agent(queue("432"), "470").queueCallRinging()).as("the queue call rings at 470").isTrue();
        } finally {
            waiting.hangUp();
        }
        assertThat(carrier.cancels.poll(5, TimeUnit.SECONDS)).as("the offer is withdrawn").isNotNull();
    }

    @Test
    void withIndividualForwardingTheQueueCallFollowsTheAgentsForwardAlways() throws Exception {
        TestPhone dirk = queuePhone("214", peer()).answering(TestPhone.Answering.RING);
        TestPhone bram = queuePhone("212", peer()).answering(TestPhone.Answering.RING);
        queues.login(queue("433"), "214");
        TestPhone.Call waiting = waitIn("219", "433");
        try {
            assertThat(bram.awaitCall(10)).as("QUE-36: Dirk forwards always to Bram: Bram's phone rings").isNotNull();
            assertThat(dirk.incoming).as("Dirk's own phone does not").isEmpty();
            assertThat(queues.agent(queue("433"), "214").queueCallRinging()).as("the offer is Dirk's").isTrue();
        } finally {
            waiting.hangUp();
        }
        assertThat(bram.cancels.poll(5, TimeUnit.SECONDS)).isNotNull();
    }
}
