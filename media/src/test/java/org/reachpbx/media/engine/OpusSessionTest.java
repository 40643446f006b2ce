package org.reachpbx.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reachpbx.media.engine.EngineFixture.await;
import static org.reachpbx.media.engine.EngineFixture.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recording;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.ReceivedPacket;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.TestOpus;
import org.reachpbx.media.testing.ToneGenerator;

/** An Opus phone (the test peer with its own Concentus) against sessions that play, record and relay. */
class OpusSessionTest {

    @Test
    void aPromptReachesAnOpusPhoneAsOpusPacketsOnTheFortyEightKilohertzClock() throws Exception {
        try (RtpMediaEngine engine = engine(2); RtpTestPeer phone = new RtpTestPeer()) {
            RtpSession session = engine.open();
            session.connect(phone.address(), Codec.OPUS, TestOpus.PAYLOAD_TYPE, -1);
            CompletableFuture<Void> played = new CompletableFuture<>();
            session.play(List.of(PromptLibrary.tone(1000, 1000)), false, () -> played.complete(null));
            played.get(3, TimeUnit.SECONDS);
            assertThat(phone.awaitPackets(50, Duration.ofSeconds(2))).isTrue();

            List<ReceivedPacket> got = phone.received();
            assertThat(got).extracting(ReceivedPacket::payloadType).containsOnly(TestOpus.PAYLOAD_TYPE);
            int steps = 0;
            for (int i = 1; i < got.size(); i++) {
                long step = (got.get(i).timestamp() - got.get(i - 1).timestamp()) & 0xFFFFFFFFL;
                assertThat(step % 960).as("whole 20 ms frames of the 48 kHz clock").isZero();
                steps += step == 960 ? 1 : 0;
            }
            // a media clock that falls behind on a loaded machine skips ticks, which shows as a larger step
            assertThat(steps).isGreaterThan(got.size() * 8 / 10);
            assertThat(got.get(0).payload().length).as("compressed, not G.711's 160 bytes").isLessThan(160);
            short[] heard = phone.receivedAudio();
            assertThat(AudioCheck.durationOfSound(heard).toMillis()).isBetween(900L, 1060L);
            assertThat(AudioCheck.dominantTone(AudioCheck.trimSilence(heard, AudioCheck.SILENCE))).isBetween(980.0, 1020.0);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Codec.class, names = {"OPUS", "PCMA"})
    void whatThePhoneSendsIsRecordedWithItsLengthAndToneInOpusAsInG711(Codec codec) throws Exception {
        int pt = codec == Codec.OPUS ? TestOpus.PAYLOAD_TYPE : codec.payloadType;
        try (RtpMediaEngine engine = engine(2); RtpTestPeer phone = new RtpTestPeer()) {
            RtpSession session = engine.open();
            session.connect(phone.address(), codec, pt, -1);
            phone.remote(new java.net.InetSocketAddress("127.0.0.1", session.rtpPort()), pt, -1);
            // Concentus runs interpreted at first: two seconds of frames let the JIT compile both
            // sides' encoder and decoder, so the first frames are not late for the jitter buffer
            phone.sendSilence(Duration.ofSeconds(2)).join();
            CompletableFuture<Recording> recorded = new CompletableFuture<>();
            // a generous silence limit: on a loaded machine the phone's first packets may come late
            session.record(new RecordSpec(Duration.ofSeconds(10), Duration.ofMillis(1500), '#'), recorded::complete);

            phone.sendTone(700, Duration.ofMillis(1500)).join();
            phone.sendSilence(Duration.ofMillis(1800)).join();
            Recording recording = recorded.get(5, TimeUnit.SECONDS);

            short[] stored = AudioCheck.readWav(recording.wav());
            // G.711 is exact. Opus is decoded on the reader thread as packets arrive; on a machine at
            // load 20+ a not yet compiled Concentus makes a few packets late for the 60 ms jitter
            // buffer (counted as late, heard as a short gap), so Opus gets ±10 % and 300 ms of gaps.
            // OpusVoicemailTest checks ±60 ms end to end.
            boolean opus = codec == Codec.OPUS;
            assertThat(AudioCheck.durationOfSound(stored).toMillis()).isBetween(opus ? 1350L : 1440L, 1560L);
            assertThat(AudioCheck.soundSpan(stored, AudioCheck.SILENCE).toMillis()).isBetween(opus ? 1350L : 1440L,
                    opus ? 1800L : 1600L);
            assertThat(AudioCheck.dominantTone(AudioCheck.trimSilence(stored, AudioCheck.SILENCE))).isBetween(680.0, 720.0);
            assertThat(session.stats().malformed()).isZero();
        }
    }

    @Test
    void aRelayBetweenAnOpusPhoneAndAPcmaPhoneTranscodesBothWays() throws Exception {
        try (RtpMediaEngine engine = engine(4); RtpTestPeer opusPhone = new RtpTestPeer(); RtpTestPeer pcmaPhone = new RtpTestPeer()) {
            RtpSession a = engine.open();
            MediaSession b = engine.open();
            a.connect(opusPhone.address(), Codec.OPUS, TestOpus.PAYLOAD_TYPE, -1);
            b.connect(pcmaPhone.address(), Codec.PCMA, -1);
            opusPhone.remote(new java.net.InetSocketAddress("127.0.0.1", a.rtpPort()), TestOpus.PAYLOAD_TYPE, -1);
            pcmaPhone.remote(new java.net.InetSocketAddress("127.0.0.1", b.rtpPort()), 8, -1);
            a.bridge(b);

            CompletableFuture<Void> one = opusPhone.sendPcm(ToneGenerator.sine(600, Duration.ofSeconds(1)));
            CompletableFuture<Void> two = pcmaPhone.sendPcm(ToneGenerator.sine(1200, Duration.ofSeconds(1)));
            CompletableFuture.allOf(one, two).join();
            assertThat(pcmaPhone.awaitPackets(48, Duration.ofSeconds(2))).isTrue();
            assertThat(opusPhone.awaitPackets(48, Duration.ofSeconds(2))).isTrue();
            await("the last relayed packets", 2000, () -> pcmaPhone.received().size() >= 50 && opusPhone.received().size() >= 50);

            assertThat(pcmaPhone.received()).extracting(ReceivedPacket::payloadType).containsOnly(8);
            assertThat(opusPhone.received()).extracting(ReceivedPacket::payloadType).containsOnly(TestOpus.PAYLOAD_TYPE);
            short[] atPcma = pcmaPhone.receivedAudio();
            short[] atOpus = opusPhone.receivedAudio();
            assertThat(AudioCheck.durationOfSound(atPcma).toMillis()).isBetween(940L, 1020L);
            assertThat(AudioCheck.durationOfSound(atOpus).toMillis()).isBetween(940L, 1020L);
            assertThat(AudioCheck.dominantTone(AudioCheck.trimSilence(atPcma, AudioCheck.SILENCE))).isBetween(580.0, 620.0);
            assertThat(AudioCheck.dominantTone(AudioCheck.trimSilence(atOpus, AudioCheck.SILENCE))).isBetween(1170.0, 1230.0);
        }
    }
}
