package org.reachpbx.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reachpbx.media.engine.EngineFixture.await;
import static org.reachpbx.media.engine.EngineFixture.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;
import org.reachpbx.media.dtmf.Rfc4733;

/** Two phones (plain sockets) talk through two bridged sessions, like a media-anchored call. */
class BridgeTest {

    @Test
    void audioIsRelayedBothWaysAndTranscodedBetweenPcmuAndPcma() throws Exception {
        try (RtpMediaEngine engine = engine(2); UdpPeer caller = new UdpPeer(11); UdpPeer callee = new UdpPeer(22)) {
            MediaSession a = engine.open();
            MediaSession b = engine.open();
            a.connect(caller.address(), Codec.PCMU, 101);
            b.connect(callee.address(), Codec.PCMA, 96);
            a.bridge(b);

            byte ulaw = G711.linearToUlaw(4000);
            for (int i = 0; i < 10; i++) {
                caller.sendAudio(a.rtpPort(), 0, ulaw);
            }
            List<UdpPeer.Received> atCallee = callee.receive(10, 500);
            assertThat(atCallee).hasSize(10);
            assertThat(atCallee).extracting(UdpPeer.Received::pt).containsOnly(8);
            assertThat(atCallee.get(0).payload()[0]).isEqualTo(G711.ulawToAlaw(ulaw));
            assertThat(atCallee).extracting(UdpPeer.Received::ssrc).containsOnly(atCallee.get(0).ssrc()).doesNotContain(11L);
            assertThat(atCallee.get(0).marker()).isTrue();
            for (int i = 1; i < atCallee.size(); i++) {
                assertThat(atCallee.get(i).seq()).isEqualTo((atCallee.get(i - 1).seq() + 1) & 0xFFFF);
                assertThat((atCallee.get(i).ts() - atCallee.get(i - 1).ts()) & 0xFFFFFFFFL).isEqualTo(160);
            }

            byte alaw = G711.linearToAlaw(-2000);
            for (int i = 0; i < 10; i++) {
                callee.sendAudio(b.rtpPort(), 8, alaw);
            }
            List<UdpPeer.Received> atCaller = caller.receive(10, 500);
            assertThat(atCaller).hasSize(10);
            assertThat(atCaller).extracting(UdpPeer.Received::pt).containsOnly(0);
            assertThat(atCaller.get(0).payload()[0]).isEqualTo(G711.alawToUlaw(alaw));
        }
    }

    @Test
    void legsWithTheSameCodecPassAudioThroughUnchanged() throws Exception {
        try (RtpMediaEngine engine = engine(2); UdpPeer caller = new UdpPeer(11); UdpPeer callee = new UdpPeer(22)) {
            MediaSession a = engine.open();
            MediaSession b = engine.open();
            a.connect(caller.address(), Codec.PCMA, 101);
            b.connect(callee.address(), Codec.PCMA, 101);
            b.bridge(a);
            byte[] payload = new byte[160];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) i;
            }
            caller.sendRtp(a.rtpPort(), true, 8, payload);
            List<UdpPeer.Received> got = callee.receive(1, 500);
            assertThat(got).hasSize(1);
            assertThat(got.get(0).payload()).isEqualTo(payload);
        }
    }

    @Test
    void aDigitIsForwardedWithTheOtherLegsPayloadTypeAndReportedOnTheLegItCameFrom() throws Exception {
        try (RtpMediaEngine engine = engine(2); UdpPeer caller = new UdpPeer(11); UdpPeer callee = new UdpPeer(22)) {
            MediaSession a = engine.open();
            MediaSession b = engine.open();
            a.connect(caller.address(), Codec.PCMU, 101);
            b.connect(callee.address(), Codec.PCMA, 96);
            a.bridge(b);
            List<Character> digitsOnA = new CopyOnWriteArrayList<>();
            a.onDigit(digitsOnA::add);

            byte[] event = new byte[4];
            for (int d = 1; d <= 5; d++) {
                Rfc4733.write(event, 0, 5, d == 5, 10, d * 160);
                caller.sendEvent(a.rtpPort(), 101, 50_000, event);
            }
            caller.sendEvent(a.rtpPort(), 101, 50_000, event);
            caller.sendEvent(a.rtpPort(), 101, 50_000, event);

            List<UdpPeer.Received> atCallee = callee.receive(7, 500);
            assertThat(atCallee).hasSize(7);
            assertThat(atCallee).extracting(UdpPeer.Received::pt).containsOnly(96);
            assertThat(atCallee).extracting(UdpPeer.Received::ts).containsOnly(atCallee.get(0).ts());
            await("the digit on leg a", 1000, () -> digitsOnA.size() == 1);
            Thread.sleep(50);
            assertThat(digitsOnA).containsExactly('5');
        }
    }

    @Test
    void endingTheBridgeStopsTheRelay() throws Exception {
        try (RtpMediaEngine engine = engine(2); UdpPeer caller = new UdpPeer(11); UdpPeer callee = new UdpPeer(22)) {
            MediaSession a = engine.open();
            MediaSession b = engine.open();
            a.connect(caller.address(), Codec.PCMU, 101);
            b.connect(callee.address(), Codec.PCMU, 101);
            a.bridge(b);
            caller.sendAudio(a.rtpPort(), 0, (byte) 1);
            assertThat(callee.receive(1, 500)).hasSize(1);

            b.bridge(null);
            caller.sendAudio(a.rtpPort(), 0, (byte) 1);
            callee.sendAudio(b.rtpPort(), 0, (byte) 1);
            assertThat(callee.receive(1, 150)).isEmpty();
            assertThat(caller.receive(1, 50)).isEmpty();
        }
    }

    @Test
    void bridgedLegsOpenedOnDifferentReaderThreadsAreRelayedByOneAndStillCarryAudioBothWays() throws Exception {
        int min = 2 * java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 30_000);
        try (RtpMediaEngine engine = new RtpMediaEngine(org.reachpbx.media.MediaConfig.loopback(min, min + 7).withIoThreads(2));
             UdpPeer caller = new UdpPeer(11); UdpPeer callee = new UdpPeer(22)) {
            RtpSession a = engine.open();
            RtpSession b = engine.open();
            assertThat(a.reader()).as("sessions are dealt to the readers in turn").isNotSameAs(b.reader());
            a.connect(caller.address(), Codec.PCMA, 101);
            b.connect(callee.address(), Codec.PCMA, 101);
            // audio before the bridge latches both legs on their first readers
            caller.sendAudio(a.rtpPort(), 8, (byte) 1);
            callee.sendAudio(b.rtpPort(), 8, (byte) 1);
            await("both legs latched", 1000, () -> a.stats().received() == 1 && b.stats().received() == 1);

            a.bridge(b);
            assertThat(b.reader()).isSameAs(a.reader());
            for (int i = 0; i < 50; i++) {
                caller.sendAudio(a.rtpPort(), 8, (byte) 2);
                callee.sendAudio(b.rtpPort(), 8, (byte) 3);
            }
            List<UdpPeer.Received> atCallee = callee.receive(50, 1000);
            List<UdpPeer.Received> atCaller = caller.receive(50, 1000);
            assertThat(atCallee).hasSize(50).extracting(r -> r.payload()[0]).containsOnly((byte) 2);
            assertThat(atCaller).hasSize(50).extracting(r -> r.payload()[0]).containsOnly((byte) 3);

            // closing frees the ports from the reader the session moved to
            int free = engine.freePortPairs();
            b.close();
            a.close();
            assertThat(engine.freePortPairs()).isEqualTo(free + 2);
            assertThat(engine.activeSessions()).isZero();
            try (java.nio.channels.DatagramChannel again = java.nio.channels.DatagramChannel.open()) {
                again.bind(new java.net.InetSocketAddress("127.0.0.1", b.rtpPort())); // the moved socket is really closed
            }
        }
    }
}
