package org.reachpbx.media.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RtpTestPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private RtpTestPeer alice;
    private RtpTestPeer bob;

    @BeforeEach
    void twoPhonesOnLoopback() {
        alice = new RtpTestPeer();
        bob = new RtpTestPeer();
    }

    @AfterEach
    void hangUp() {
        alice.close();
        bob.close();
    }

    @Test
    void aOneSecondToneArrivesAsFiftyPacedPacketsWithTheToneAndItsLength() {
        alice.remoteFromSdp(bob.sdpAnswer(List.of("PCMU"), true));

        alice.sendTone(1000, Duration.ofSeconds(1)).join();
        assertThat(bob.awaitPackets(50, WAIT)).isTrue();
        bob.awaitQuiet(Duration.ofMillis(100), WAIT);

        List<ReceivedPacket> packets = bob.received();
        assertThat(packets).hasSize(50).allSatisfy(p -> {
            assertThat(p.payloadType()).isZero();
            assertThat(p.payload()).hasSize(160);
            assertThat(p.source()).isEqualTo(alice.address());
            assertThat(p.ssrc()).isEqualTo(alice.ssrc());
        });
        for (int i = 1; i < packets.size(); i++) {
            assertThat(packets.get(i).sequence()).isEqualTo((packets.get(i - 1).sequence() + 1) & 0xFFFF);
            assertThat(packets.get(i).timestamp()).isEqualTo((packets.get(i - 1).timestamp() + 160) & 0xFFFFFFFFL);
            assertThat(packets.get(i).marker()).isFalse();
        }
        assertThat(packets.get(0).marker()).isTrue();

        short[] audio = bob.receivedAudio();
        assertThat(AudioCheck.hasTone(audio, 1000)).isTrue();
        assertThat(AudioCheck.dominantTone(audio)).isBetween(995.0, 1005.0);
        assertThat(AudioCheck.durationOfSound(audio).toMillis()).isBetween(960L, 1040L);

        PacketTiming timing = PacketTiming.of(packets);
        assertThat(timing.meanIntervalMs()).as(timing.summary()).isBetween(18.0, 22.0);
        assertThat(Math.abs(timing.driftMs())).as(timing.summary()).isLessThan(40.0);
        assertThat(bob.lastSource()).isEqualTo(alice.address());
        assertThat(bob.packetsFrom(alice.address())).hasSize(50);
        assertThat(bob.packetsFrom(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9))).isEmpty();
    }

    @Test
    void pcmaCarriesAToneToo() {
        alice.remote(bob.address(), 8, 101);
        alice.sendTone(440, Duration.ofMillis(400)).join();
        assertThat(bob.awaitPackets(20, WAIT)).isTrue();
        assertThat(bob.received()).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(8));
        assertThat(AudioCheck.dominantTone(bob.receivedAudio())).isBetween(437.0, 443.0);
    }

    @Test
    void digitsArriveAsRfc4733EventsExactlyOnceEach() {
        alice.remoteFromSdp(bob.sdpOffer(List.of("PCMU", "PCMA"), true));
        bob.remoteFromSdp(alice.sdpAnswer(List.of("PCMU"), true));

        alice.sendDigits("123#").join();
        assertThat(bob.awaitDigits(4, WAIT)).isTrue();

        assertThat(bob.receivedDigits()).isEqualTo("123#");
        List<DtmfEvent> events = bob.receivedDigitEvents();
        assertThat(events).hasSize(4).allSatisfy(e -> {
            assertThat(e.endPackets()).isEqualTo(3);
            assertThat(e.packets()).isEqualTo(8);
            assertThat(e.durationSamples()).isEqualTo(800);
            assertThat(e.markerOnFirst()).isTrue();
            assertThat(e.volume()).isEqualTo(10);
        });
        assertThat(events.get(3).event()).isEqualTo(11);
        assertThat(events.stream().map(DtmfEvent::timestamp).distinct()).hasSize(4);
        // Between digits the phone keeps sending (silent) audio.
        assertThat(AudioCheck.isSilent(bob.receivedAudio())).isTrue();
        assertThat(bob.receivedAudio().length).isGreaterThanOrEqualTo(3 * 800);
    }

    @Test
    void twoEqualDigitsInARowAreTwoEvents() {
        alice.remote(bob.address(), 0, 96);
        bob.remote(alice.address(), 0, 96);
        alice.sendDigits("55").join();
        assertThat(bob.awaitDigits(2, WAIT)).isTrue();
        assertThat(bob.receivedDigits()).isEqualTo("55");
    }

    @Test
    void afterAPauseTheStreamResumesWithTheMarkerAndATimestampJump() throws InterruptedException {
        alice.remote(bob.address(), 0, 101);
        alice.sendTone(800, Duration.ofMillis(100)).join();
        Thread.sleep(200);
        alice.sendTone(800, Duration.ofMillis(100)).join();
        assertThat(bob.awaitPackets(10, WAIT)).isTrue();

        List<ReceivedPacket> p = bob.received();
        assertThat(p.get(5).marker()).isTrue();
        assertThat(p.get(5).ssrc()).isEqualTo(p.get(4).ssrc());
        assertThat(p.get(5).sequence()).isEqualTo((p.get(4).sequence() + 1) & 0xFFFF);
        long jump = (p.get(5).timestamp() - p.get(4).timestamp()) & 0xFFFFFFFFL;
        assertThat(jump).isBetween(160L + 1400, 160L + 2400);
    }

    @Test
    void sendsQueueUpInOrderAndPcmIsPaddedToWholePackets() {
        alice.remote(bob.address(), 0, 101);
        alice.sendPcm(ToneGenerator.sine(600, Duration.ofMillis(110)));
        alice.sendSilence(Duration.ofMillis(100));
        alice.sendTone(1200, Duration.ofMillis(200)).join();
        assertThat(bob.awaitPackets(6 + 5 + 10, WAIT)).isTrue();
        short[] audio = bob.receivedAudio();
        assertThat(audio).hasSize(21 * 160);
        assertThat(AudioCheck.dominantTone(java.util.Arrays.copyOfRange(audio, 0, 880))).isBetween(595.0, 605.0);
        assertThat(AudioCheck.rms(audio, 880, 960)).as("padding of the last 600 Hz packet").isZero();
        assertThat(AudioCheck.rms(audio, 960, 1760)).isZero();
        assertThat(AudioCheck.dominantTone(java.util.Arrays.copyOfRange(audio, 1760, audio.length))).isBetween(1195.0, 1205.0);
        assertThat(alice.sentPackets()).isEqualTo(21);
    }

    @Test
    void whileStoppedPacketsAreReadButNotKept() {
        alice.remote(bob.address(), 0, 101);
        bob.stopReceiving();
        alice.sendTone(1000, Duration.ofMillis(100)).join();
        bob.awaitQuiet(Duration.ofMillis(100), WAIT);
        assertThat(bob.awaitPackets(1, Duration.ofMillis(200))).isFalse();
        assertThat(bob.lastSource()).isEqualTo(alice.address());

        bob.startReceiving();
        alice.sendTone(1000, Duration.ofMillis(100)).join();
        assertThat(bob.awaitPackets(5, WAIT)).isTrue();
        bob.clearReceived();
        assertThat(bob.received()).isEmpty();
    }

    @Test
    void portsAreAnEvenRtpPortWithRtcpBoundAboveIt() {
        assertThat(alice.port() % 2).isZero();
        assertThatThrownBy(() -> new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), alice.port() + 1)).close())
                .isInstanceOf(SocketException.class);
    }

    @Test
    void offersAndAnswersReadBackAndHoldVariantsSayTheirDirection() {
        String offer = alice.sdpOffer(List.of("PCMA", "PCMU"), true);
        assertThat(offer).contains("c=IN IP4 127.0.0.1\r\n", "m=audio " + alice.port() + " RTP/AVP 8 0 101\r\n",
                "a=rtpmap:8 PCMA/8000\r\n", "a=rtpmap:0 PCMU/8000\r\n", "a=rtpmap:101 telephone-event/8000\r\n",
                "a=fmtp:101 0-16\r\n", "a=ptime:20\r\n", "a=sendrecv\r\n");
        SdpInfo info = SdpInfo.parse(offer);
        assertThat(info.mediaAddress()).isEqualTo(alice.address());
        assertThat(info.payloadTypes()).containsExactly(8, 0, 101);
        assertThat(info.firstG711PayloadType()).isEqualTo(8);
        assertThat(info.telephoneEventPt()).isEqualTo(101);
        assertThat(info.ptime()).isEqualTo(20);

        String hold = alice.sdpOffer(List.of("PCMU"), false, SdpDirection.SENDONLY);
        assertThat(SdpInfo.parse(hold).direction()).isEqualTo(SdpDirection.SENDONLY);
        assertThat(SdpInfo.parse(hold).telephoneEventPt()).isEqualTo(-1);
        assertThat(SdpInfo.parse(alice.sdpAnswer(List.of("PCMU"), true, SdpDirection.INACTIVE)).direction())
                .isEqualTo(SdpDirection.INACTIVE);
        assertThat(SdpInfo.parse(alice.sdpAnswer(List.of("PCMU"), true, SdpDirection.RECVONLY)).direction())
                .isEqualTo(SdpDirection.RECVONLY);
        // the o= version goes up for every new body (re-INVITE)
        assertThat(hold.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow())
                .isNotEqualTo(offer.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow());
    }

    @Test
    void sdpFromOtherSoftwareParsesToo() {
        String sdp = "v=0\no=root 1 1 IN IP4 10.0.0.5\ns=call\nc=IN IP4 10.0.0.5\nt=0 0\na=sendonly\n"
                + "m=audio 40000 RTP/AVP 8 96\na=rtpmap:96 telephone-event/8000\na=fmtp:96 0-16\n"
                + "m=video 40002 RTP/AVP 99\na=recvonly\n";
        SdpInfo info = SdpInfo.parse(sdp);
        assertThat(info.address()).isEqualTo("10.0.0.5");
        assertThat(info.port()).isEqualTo(40000);
        assertThat(info.telephoneEventPt()).isEqualTo(96);
        assertThat(info.encodings()).containsEntry(8, "PCMA/8000");
        assertThat(info.direction()).isEqualTo(SdpDirection.SENDONLY);
        assertThat(SdpInfo.parse("v=0\nc=IN IP4 0.0.0.0\nm=audio 0 RTP/AVP 0\n").hasAudio()).isFalse();
    }

    @Test
    void sendingWithoutARemoteOrDigitsWithoutTelephoneEventFails() {
        assertThatThrownBy(() -> alice.sendTone(1000, Duration.ofMillis(20)).join()).hasCauseInstanceOf(IllegalStateException.class);
        alice.remote(bob.address(), 0, -1);
        assertThatThrownBy(() -> alice.sendDigits("1").join()).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> alice.remote(bob.address(), 18, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
