package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;

/** Auto-answer (AA-01/02): answered, the welcome message once, then the server hangs up. */
class AutoAnswerTest extends MediaTestSupport {

    @Test
    void anAutoAnswerPlaysItsMessageOnceAndHangsUp() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA", "PCMU"));
        TestPhone.Call call = phone.call("650");
        connected(call, rtp);
        assertThat(phone.byes.poll(15, TimeUnit.SECONDS)).as("released after the message").isNotNull();
        short[] heard = rtp.receivedAudio();
        assertThat(AudioCheck.durationOfSound(heard).toMillis()).as("the message was heard").isGreaterThan(300);
        assertThat(AudioCheck.duration(heard).toMillis()).as("once, not looped").isLessThan(6000);
    }

    @Test
    void withoutASoundTheCallIsAnsweredAndReleasedAtOnce() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA"));
        TestPhone.Call call = phone.call("651");
        connected(call, rtp);
        assertThat(phone.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(AudioCheck.durationOfSound(rtp.receivedAudio()).toMillis()).isZero();
    }

    @Test
    void theServersByeWaitsForTheCallersAck() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMA"));
        TestPhone.Call call = phone.call("651");
        assertThat(call.await(200, 10)).isNotNull();
        assertThat(phone.byes.poll(1, TimeUnit.SECONDS)).as("no BYE overtakes the ACK (RFC 3261 §15)").isNull();
        call.ack();
        assertThat(phone.byes.poll(5, TimeUnit.SECONDS)).as("the BYE follows the ACK").isNotNull();
    }

    @Test
    void aLateOfferIsAnsweredInTheAck() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone phone = mediaPhone("203", rtp, List.of("PCMU"));
        phone.lateOffer(true);
        TestPhone.Call call = phone.call("650");
        assertThat(call.await(200, 10)).isNotNull();
        assertThat(call.answerSdp()).as("our offer in the 200").contains("m=audio");
        call.ack(rtp.sdpAnswer(List.of("PCMU"), true));
        rtp.remoteFromSdp(call.answerSdp());
        assertThat(rtp.awaitPackets(10, Duration.ofSeconds(5))).as("media flows after the ACK").isTrue();
        assertThat(rtp.received()).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(0));
        assertThat(phone.byes.poll(15, TimeUnit.SECONDS)).isNotNull();
    }
}
