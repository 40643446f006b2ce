package org.reachpbx.server.sip.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.MediaConfig;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.engine.RtpMediaEngine;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;

/**
 * Listen-in on the media side (LSN-03, LSN-04) over real RTP: the caller, the agent and the
 * supervisor are RTP test peers; who hears whom is measured per direction by tone. The caller never
 * hears the supervisor.
 */
class ListenInMixTest {
    private static final int ANNOUNCEMENT_HZ = 2500;

    private record Phone(String name, RtpTestPeer peer, MediaSession session, double toneHz) {
    }

    private RtpMediaEngine engine;
    private Phone caller;
    private Phone agent;
    private Phone supervisor;

    @BeforeEach
    void aCallAndASupervisor() {
        int min = 2 * ThreadLocalRandom.current().nextInt(20_000, 30_000);
        engine = new RtpMediaEngine(MediaConfig.loopback(min, min + 7));
        caller = phone("caller", Codec.PCMA, 500);
        agent = phone("agent", Codec.PCMU, 1100);
        supervisor = phone("supervisor", Codec.PCMA, 1700);
        caller.session().bridge(agent.session());
    }

    private Phone phone(String name, Codec codec, double hz) {
        RtpTestPeer peer = new RtpTestPeer();
        MediaSession s = engine.open();
        s.connect(peer.address(), codec, 101);
        peer.remote(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), s.rtpPort()),
                codec.payloadType, 101);
        return new Phone(name, peer, s, hz);
    }

    @AfterEach
    void hangUp() {
        for (Phone p : List.of(caller, agent, supervisor)) {
            p.peer().close();
        }
        engine.close();
    }

    @Test
    void onlyTheAgentHearsTheAnnouncementAndTheSupervisorStartsListening() throws Exception {
        clear();
        try (ListenIn listenIn = ListenIn.start(engine, caller.session(), agent.session(), supervisor.session(),
                List.of(PromptLibrary.tone(ANNOUNCEMENT_HZ, 400)))) {
            await("the agent hears the whole announcement", () -> AudioCheck.toneDuration(agent.peer().receivedAudio(),
                    ANNOUNCEMENT_HZ).toMillis() >= 350 && endsInSilence(agent.peer()));
            assertThat(AudioCheck.toneDuration(caller.peer().receivedAudio(), ANNOUNCEMENT_HZ)).isZero();
            assertThat(AudioCheck.toneDuration(supervisor.peer().receivedAudio(), ANNOUNCEMENT_HZ)).isZero();
            assertThat(listenIn.mode()).isEqualTo(ListenIn.Mode.LISTEN);

            speaks(caller, List.of(agent, supervisor), List.of(caller));
            speaks(agent, List.of(caller, supervisor), List.of(agent));
            speaks(supervisor, List.of(), List.of(caller, agent));
        }
    }

    @Test
    void consultationIsHeardByTheAgentOnlyAndKeyOneListensAgain() throws Exception {
        try (ListenIn listenIn = ListenIn.start(engine, caller.session(), agent.session(), supervisor.session(),
                List.of())) {
            assertThat(listenIn.key('2')).isTrue();
            assertThat(listenIn.mode()).isEqualTo(ListenIn.Mode.CONSULT);
            speaks(supervisor, List.of(agent), List.of(caller));
            speaks(caller, List.of(agent, supervisor), List.of(caller));

            assertThat(listenIn.key('1')).isTrue();
            speaks(supervisor, List.of(), List.of(caller, agent));
            assertThat(listenIn.key('7')).isFalse();
        }
    }

    @Test
    void whenTheSupervisorLeavesCallerAndAgentTalkOnThroughTheBridge() throws Exception {
        ListenIn listenIn = ListenIn.start(engine, caller.session(), agent.session(), supervisor.session(), List.of());
        listenIn.close();
        speaks(caller, List.of(agent), List.of(caller));
        assertThat(AudioCheck.toneDuration(supervisor.peer().receivedAudio(), caller.toneHz())).isZero();
    }

    /** {@code speaker} sends its tone; each of {@code hearers} receives it, each of {@code deaf} only silence. */
    private void speaks(Phone speaker, List<Phone> hearers, List<Phone> deaf) throws Exception {
        clear();
        speaker.peer().sendTone(speaker.toneHz(), Duration.ofMillis(600)).get(5, TimeUnit.SECONDS);
        for (Phone h : hearers) {
            await(h.name() + " hears " + speaker.name(),
                    () -> AudioCheck.toneDuration(h.peer().receivedAudio(), speaker.toneHz()).toMillis() >= 450);
        }
        if (hearers.isEmpty()) { // what would have been heard has arrived once the stream went on 300 ms longer
            for (Phone p : deaf) {
                assertThat(p.peer().awaitPackets(45, Duration.ofSeconds(3))).isTrue();
            }
        }
        for (Phone p : deaf) {
            assertThat(AudioCheck.toneDuration(p.peer().receivedAudio(), speaker.toneHz()))
                    .as("%s does not hear %s", p.name(), speaker.name()).isZero();
        }
        for (Phone h : hearers) { // the tone's tail must not leak into the next check
            await(speaker.name() + "'s tone ended at " + h.name(), () -> endsInSilence(h.peer()));
        }
    }

    /** The last 200 ms received are silent (a mix goes on sending), or nothing came for 200 ms (a bridge relays only what arrives). */
    private static boolean endsInSilence(RtpTestPeer peer) {
        List<org.reachpbx.media.testing.ReceivedPacket> got = peer.received();
        if (!got.isEmpty() && System.nanoTime() - got.get(got.size() - 1).arrivalNanos() > 200_000_000L) {
            return true;
        }
        short[] a = RtpTestPeer.audioOf(got);
        return a.length >= 1600 && AudioCheck.rms(a, a.length - 1600, a.length) < AudioCheck.SILENCE;
    }

    private void clear() {
        for (Phone p : List.of(caller, agent, supervisor)) {
            p.peer().clearReceived();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < end).as("waited 3 s for: %s", what).isTrue();
            Thread.sleep(10);
        }
    }
}
