package org.reachpbx.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reachpbx.media.engine.EngineFixture.await;
import static org.reachpbx.media.engine.EngineFixture.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.NoFreePortException;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recording;
import org.reachpbx.media.record.Wav;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;

class RtpMediaEngineTest {

    @Test
    void aToneOneSessionPlaysIsRecordedByAnotherWithItsLengthAndEnergy() throws Exception {
        try (RtpMediaEngine engine = engine(4)) {
            MediaSession a = engine.open();
            MediaSession b = engine.open();
            a.connect(UdpPeer.loopback(b.rtpPort()), Codec.PCMA, 101);
            b.connect(UdpPeer.loopback(a.rtpPort()), Codec.PCMA, 101);
            CompletableFuture<Recording> recorded = new CompletableFuture<>();
            CompletableFuture<Void> played = new CompletableFuture<>();

            b.record(new RecordSpec(Duration.ofSeconds(5), Duration.ofMillis(200), '#'), recorded::complete);
            a.play(List.of(PromptLibrary.tone(1000, 600)), false, () -> played.complete(null));

            Recording recording = recorded.get(3, TimeUnit.SECONDS);
            assertThat(played).isDone();
            assertThat(recording.end()).isEqualTo(Recording.End.SILENCE);
            assertThat(recording.voiced().toMillis()).isBetween(540L, 660L);
            assertThat(recording.length().toMillis()).isBetween(800L, 1000L);
            assertThat(rms(recording.wav(), recording.length().toMillis() - 200 - 500, 400)).isGreaterThan(3000);
            assertThat(b.stats().received()).isBetween(29L, 31L);
            assertThat(b.stats().lost()).isZero();
        }
    }

    /** Root mean square of {@code ms} milliseconds of a recording starting at {@code fromMs}. */
    private static double rms(byte[] wav, long fromMs, long ms) {
        double sum = 0;
        int n = (int) ms * 8;
        for (int i = 0; i < n; i++) {
            int at = Wav.HEADER + 2 * (int) (fromMs * 8 + i);
            short s = (short) ((wav[at] & 0xFF) | (wav[at + 1] << 8));
            sum += (double) s * s;
        }
        return Math.sqrt(sum / n);
    }

    @Test
    void theStreamKeepsSsrcSequenceAndTimestampsAcrossPromptsAndReconnects() throws Exception {
        try (RtpMediaEngine engine = engine(2); UdpPeer phone = new UdpPeer(1)) {
            MediaSession session = engine.open();
            session.connect(phone.address(), Codec.PCMU, -1);
            CompletableFuture<Void> done = new CompletableFuture<>();
            session.play(List.of(PromptLibrary.tone(440, 100)), false, () -> {
                session.connect(phone.address(), Codec.PCMU, -1); // a re-INVITE between prompts
                session.play(List.of(PromptLibrary.tone(880, 100)), false, () -> done.complete(null));
            });
            done.get(2, TimeUnit.SECONDS);
            List<UdpPeer.Received> got = phone.receive(10, 300);

            assertThat(got).hasSize(10);
            assertThat(got).extracting(UdpPeer.Received::ssrc).containsOnly(got.get(0).ssrc());
            assertThat(got.get(0).marker()).isTrue();
            for (int i = 1; i < got.size(); i++) {
                assertThat(got.get(i).seq()).isEqualTo((got.get(i - 1).seq() + 1) & 0xFFFF);
                long step = (got.get(i).ts() - got.get(i - 1).ts()) & 0xFFFFFFFFL;
                assertThat(step % 160).isZero();
                assertThat(step).isBetween(160L, 160L * 4); // real time passes between prompts, no jump
            }
        }
    }

    @Test
    void theSessionSendsToWherePacketsComeFromAndCountsOtherSourcesAsForeign() throws Exception {
        try (RtpMediaEngine engine = engine(2); UdpPeer sdpAddress = new UdpPeer(1); UdpPeer natted = new UdpPeer(2)) {
            MediaSession session = engine.open();
            session.connect(sdpAddress.address(), Codec.PCMA, -1);

            natted.sendAudio(session.rtpPort(), 8, (byte) 0xD5);
            await("the first packet", 1000, () -> session.stats().received() == 1);
            session.play(List.of(PromptLibrary.tone(1000, 100)), false, () -> { });
            assertThat(natted.receive(5, 500)).hasSize(5);
            assertThat(sdpAddress.receive(1, 100)).isEmpty();

            for (int i = 0; i < 3; i++) {
                sdpAddress.sendAudio(session.rtpPort(), 8, (byte) 0xD5);
            }
            await("three foreign packets", 1000, () -> session.stats().foreign() == 3);
            assertThat(session.stats().received()).isEqualTo(1);

            session.connect(sdpAddress.address(), Codec.PCMA, -1); // re-INVITE: latch again
            sdpAddress.sendAudio(session.rtpPort(), 8, (byte) 0xD5);
            await("the packet after the re-INVITE", 1000, () -> session.stats().received() == 2);
            session.play(List.of(PromptLibrary.tone(1000, 60)), false, () -> { });
            assertThat(sdpAddress.receive(3, 500)).hasSize(3);
        }
    }

    @Test
    void garbageOnTheRtpAndRtcpPortsIsCountedAsMalformedAndHarmsNothing() throws Exception {
        try (RtpMediaEngine engine = engine(2); UdpPeer attacker = new UdpPeer(9); UdpPeer phone = new UdpPeer(1)) {
            RtpSession session = engine.open();
            session.connect(phone.address(), Codec.PCMU, 101);
            byte[] junk = "INVITE sip:nobody SIP/2.0\r\n\r\n".getBytes();
            java.util.Random random = new java.util.Random(3);
            for (int i = 0; i < 50; i++) {
                byte[] noise = new byte[1 + random.nextInt(300)];
                random.nextBytes(noise);
                noise[0] = (byte) (noise[0] & 0x3F); // never version 2
                attacker.sendRaw(session.rtpPort(), noise, noise.length);
            }
            attacker.sendRaw(session.rtpPort(), junk, junk.length);
            attacker.sendRaw(session.rtpPort() + 1, junk, junk.length);
            await("52 malformed packets", 1000, () -> session.stats().malformed() == 52);

            phone.sendAudio(session.rtpPort(), 0, (byte) 0xFF);
            byte[] rr = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 1};
            phone.sendRaw(session.rtpPort() + 1, rr, rr.length);
            await("the phone's packet", 1000, () -> session.stats().received() == 1);
            await("the phone's receiver report", 1000, () -> session.rtcpStats().receiverReportsReceived() == 1);
            assertThat(session.stats().foreign()).isZero();
        }
    }

    @Test
    void everyWayASessionEndsGivesItsPortsBack() throws Exception {
        RtpMediaEngine engine = engine(3);
        int before = engine.freePortPairs();
        assertThat(before).isEqualTo(3);
        MediaSession a = engine.open();
        MediaSession b = engine.open();
        MediaSession c = engine.open();
        assertThat(engine.freePortPairs()).isZero();
        assertThatThrownBy(engine::open).isInstanceOf(NoFreePortException.class);

        a.bridge(b);
        a.close();
        a.close(); // idempotent
        assertThat(engine.freePortPairs()).isEqualTo(1);
        MediaSession again = engine.open(); // the freed pair can be bound again at once
        assertThat(again.rtpPort()).isEqualTo(a.rtpPort());
        assertThat(engine.activeSessions()).isEqualTo(3);

        engine.close(); // b, c and again end with the engine
        assertThat(engine.freePortPairs()).isEqualTo(before);
        assertThat(engine.activeSessions()).isZero();
        c.close();
        assertThat(engine.freePortPairs()).isEqualTo(before);
    }

    @Test
    void aDigitSentBetweenSessionsIsCollectedAndReportedOnce() throws Exception {
        try (RtpMediaEngine engine = engine(2)) {
            MediaSession a = engine.open();
            MediaSession b = engine.open();
            a.connect(UdpPeer.loopback(b.rtpPort()), Codec.PCMU, 101);
            b.connect(UdpPeer.loopback(a.rtpPort()), Codec.PCMU, 101);
            List<Character> seen = new CopyOnWriteArrayList<>();
            b.onDigit(seen::add);
            CompletableFuture<String> collected = new CompletableFuture<>();
            b.collect(new DigitSpec(3, '#', Duration.ofSeconds(2), Duration.ofSeconds(1), false), collected::complete);

            a.sendDigit('4');
            a.sendDigit('2');
            a.sendDigit('#');

            assertThat(collected.get(2, TimeUnit.SECONDS)).isEqualTo("42");
            await("three digits", 500, () -> seen.size() == 3);
            Thread.sleep(100);
            assertThat(seen).containsExactly('4', '2', '#');
        }
    }

    @Test
    void aDigitBySignallingFeedsTheSameCollector() throws Exception {
        try (RtpMediaEngine engine = engine(1)) {
            MediaSession session = engine.open();
            CompletableFuture<String> collected = new CompletableFuture<>();
            session.digitFromSignalling('1'); // type-ahead during a prompt
            session.collect(new DigitSpec(2, '#', Duration.ofSeconds(2), Duration.ofSeconds(1), true), collected::complete);
            session.digitFromSignalling('9');
            assertThat(collected.get(1, TimeUnit.SECONDS)).isEqualTo("19");
        }
    }

    @Test
    void stopRecordingHandsOverWhatWasRecordedAndCloseToo() throws Exception {
        try (RtpMediaEngine engine = engine(1)) {
            MediaSession session = engine.open();
            List<Recording> recordings = new ArrayList<>();
            CompletableFuture<Recording> first = new CompletableFuture<>();
            session.record(new RecordSpec(Duration.ofSeconds(10), null, '#'), first::complete);
            Thread.sleep(200);
            session.stopRecording();
            Recording recording = first.get(1, TimeUnit.SECONDS);
            assertThat(recording.end()).isEqualTo(Recording.End.STOPPED);
            assertThat(recording.length().toMillis()).isBetween(140L, 300L);
            assertThat(recording.voiced()).isZero();

            CompletableFuture<Recording> second = new CompletableFuture<>();
            session.record(new RecordSpec(Duration.ofSeconds(10), null, '#'), second::complete);
            session.close(); // the caller hung up
            assertThat(second.get(1, TimeUnit.SECONDS).end()).isEqualTo(Recording.End.STOPPED);
            recordings.add(recording);
        }
    }

    /**
     * A phone sending 10 or 30 ms packets (ptime 10/30, whatever our answer said) is recorded in
     * real time: 1.2 s of tone is 1.2 s of sound in the WAV, from its first to its last sound,
     * within 60 ms (before the reframer, 30 ms packets were stored a third too long).
     */
    @ParameterizedTest(name = "{0}-sample packets")
    @ValueSource(ints = {80, 240})
    void audioInPacketsOtherThan20msIsRecordedInRealTime(int samplesPerPacket) throws Exception {
        try (RtpMediaEngine engine = engine(1); RtpTestPeer phone = new RtpTestPeer()) {
            MediaSession session = engine.open();
            session.connect(phone.address(), Codec.PCMU, 101);
            phone.remote(UdpPeer.loopback(session.rtpPort()), Codec.PCMU.payloadType, 101).audioPacketSamples(samplesPerPacket);
            CompletableFuture<Recording> recorded = new CompletableFuture<>();
            session.record(new RecordSpec(Duration.ofSeconds(10), Duration.ofMillis(400), '#'), recorded::complete);

            phone.sendTone(700, Duration.ofMillis(1200)).get(5, TimeUnit.SECONDS);

            Recording recording = recorded.get(5, TimeUnit.SECONDS);
            assertThat(recording.end()).isEqualTo(Recording.End.SILENCE);
            short[] audio = AudioCheck.readWav(recording.wav());
            assertThat(AudioCheck.soundSpan(audio, AudioCheck.SILENCE).toMillis()).isBetween(1200L - 60, 1200L + 60);
            assertThat(AudioCheck.durationOfSound(audio).toMillis()).isBetween(1200L - 60, 1200L + 60);
            assertThat(session.stats().lost()).isZero();
        }
    }
}
