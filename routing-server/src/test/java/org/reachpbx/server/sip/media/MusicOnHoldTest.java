package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.ReceivedPacket;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.SdpDirection;
import org.reachpbx.server.sip.TestPhone;

/**
 * Music on hold (MOH-01/03): when one party holds an answered call, the other hears the account's
 * playlist from the server; resume restores the direct media and the music stops.
 */
class MusicOnHoldTest extends MediaTestSupport {

    @Test
    void theHeldPartyHearsMusicFromTheServerUntilTheCallIsResumed() throws Exception {
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone anna = mediaPhone("201", annaRtp, List.of("PCMA"));
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        cor.answering(TestPhone.Answering.ANSWER);
        TestPhone.Call call = anna.call("203");
        Response ok = call.await(200, 10);
        assertThat(ok).isNotNull();
        call.ack();

        // Anna holds: a re-INVITE with a=sendonly.
        call.reinvite(annaRtp.sdpOffer(List.of("PCMA"), true, SdpDirection.SENDONLY));
        Response held = call.await(200, 10);
        assertThat(held).as("the hold is accepted").isNotNull();
        call.ackReinvite(held);

        InetSocketAddress annaAddress = annaRtp.address();
        assertThat(awaitTrue(() -> musicFromServer(corRtp, annaAddress).length > 8000, Duration.ofSeconds(10)))
                .as("Cor receives a second of music from the server while held").isTrue();
        assertThat(AudioCheck.durationOfSound(musicFromServer(corRtp, annaAddress)).toMillis())
                .as("the music has sound").isGreaterThan(500);

        // Anna resumes: sendrecv again.
        call.reinvite(annaRtp.sdpOffer(List.of("PCMA"), true, SdpDirection.SENDRECV));
        Response resumed = call.await(200, 10);
        assertThat(resumed).isNotNull();
        call.ackReinvite(resumed);
        Thread.sleep(300);
        corRtp.clearReceived();
        Thread.sleep(1000);
        assertThat(musicFromServer(corRtp, annaAddress)).as("no music once resumed").isEmpty();
        call.hangUp();
    }

    /** What the peer received from anyone but the other phone: the server's music. */
    private static short[] musicFromServer(RtpTestPeer rtp, InetSocketAddress otherPhone) {
        List<ReceivedPacket> fromServer = rtp.received().stream()
                .filter(p -> p.source().getPort() != otherPhone.getPort()).toList();
        return RtpTestPeer.audioOf(fromServer);
    }
}
