package org.reachpbx.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reachpbx.media.engine.EngineFixture.await;
import static org.reachpbx.media.engine.EngineFixture.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.play.PromptLibrary;
import org.reachpbx.media.relay.Mixer;
import org.reachpbx.media.relay.Mixer.Role;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;

/**
 * Three phones (real RTP test peers on loopback, one on PCMA) in one mixer: who hears whom is
 * measured per direction, by the energy and the tone each phone receives while one of them speaks.
 */
class MixerTest {
    private RtpMediaEngine engine;
    private Phone alice;
    private Phone bob;
    private Phone carol;
    private Mixer mixer;

    /** A test phone and the server session it talks to. */
    private record Phone(String name, RtpTestPeer peer, MediaSession session, double toneHz) {
        static Phone of(RtpMediaEngine engine, String name, Codec codec, double toneHz) {
            RtpTestPeer peer = new RtpTestPeer();
            MediaSession session = engine.open();
            session.connect(peer.address(), codec, 101);
            peer.remote(UdpPeer.loopback(session.rtpPort()), codec.payloadType, 101);
            return new Phone(name, peer, session, toneHz);
        }
    }

    @BeforeEach
    void threePhones() {
        engine = engine(4);
        alice = Phone.of(engine, "alice", Codec.PCMU, 500);
        bob = Phone.of(engine, "bob", Codec.PCMA, 1100);
        carol = Phone.of(engine, "carol", Codec.PCMU, 1700);
        mixer = engine.newMixer();
    }

    @AfterEach
    void hangUp() {
        mixer.close();
        alice.peer().close();
        bob.peer().close();
        carol.peer().close();
        engine.close();
    }

    @Test
    void threeSpeakersEachHearTheOtherTwoAndNeverThemselves() throws Exception {
        for (Phone p : List.of(alice, bob, carol)) {
            mixer.add(p.session(), Role.SPEAK_AND_LISTEN);
        }
        assertThat(mixer.members()).containsExactlyInAnyOrder(alice.session(), bob.session(), carol.session());

        speaks(alice, List.of(bob, carol), List.of(alice));
        speaks(bob, List.of(alice, carol), List.of(bob));
        speaks(carol, List.of(alice, bob), List.of(carol));
    }

    @Test
    void anOpusMemberHearsTheMixAndIsHeard() throws Exception {
        RtpTestPeer peer = new RtpTestPeer();
        MediaSession session = engine.open();
        ((RtpSession) session).connect(peer.address(), Codec.OPUS, org.reachpbx.media.testing.TestOpus.PAYLOAD_TYPE, 101);
        peer.remote(UdpPeer.loopback(session.rtpPort()), org.reachpbx.media.testing.TestOpus.PAYLOAD_TYPE, 101);
        Phone dave = new Phone("dave", peer, session, 800);
        try {
            mixer.add(alice.session(), Role.SPEAK_AND_LISTEN);
            mixer.add(dave.session(), Role.SPEAK_AND_LISTEN);
            speaks(alice, List.of(dave), List.of(alice));
            // Opus does not decode silence to exact zeros, so the Opus member's own check is by tone:
            // it must never hear itself.
            clear();
            dave.peer().clearReceived();
            dave.peer().sendTone(dave.toneHz(), Duration.ofMillis(600)).get(3, TimeUnit.SECONDS);
            await("alice hears dave", 2000,
                    () -> AudioCheck.toneDuration(alice.peer().receivedAudio(), dave.toneHz()).toMillis() >= 450);
            assertThat(AudioCheck.toneDuration(dave.peer().receivedAudio(), dave.toneHz())).as("dave never hears himself").isZero();
        } finally {
            peer.close();
        }
    }

    @Test
    void twoSpeakingAtOnceAreBothHeardByTheThird() throws Exception {
        for (Phone p : List.of(alice, bob, carol)) {
            mixer.add(p.session(), Role.SPEAK_AND_LISTEN);
        }
        clear();
        alice.peer().sendTone(alice.toneHz(), Duration.ofMillis(800));
        bob.peer().sendTone(bob.toneHz(), Duration.ofMillis(800)).get(3, TimeUnit.SECONDS);
        await("carol hears alice and bob at once", 2000, () -> {
            short[] heard = AudioCheck.trimSilence(carol.peer().receivedAudio(), AudioCheck.SILENCE);
            return heard.length >= 4000
                    && AudioCheck.toneShare(heard, 0, 4000, alice.toneHz()) > 0.3
                    && AudioCheck.toneShare(heard, 0, 4000, bob.toneHz()) > 0.3;
        });
        await("alice hears only bob", 2000, () -> AudioCheck.hasTone(alice.peer().receivedAudio(), bob.toneHz()));
        assertThat(AudioCheck.toneDuration(alice.peer().receivedAudio(), alice.toneHz())).isZero();
    }

    @Test
    void aListenerHearsBothPartiesAndIsHeardByNobody() throws Exception {
        mixer.add(alice.session(), Role.SPEAK_AND_LISTEN);
        mixer.add(bob.session(), Role.SPEAK_AND_LISTEN);
        mixer.add(carol.session(), Role.LISTEN_ONLY);

        speaks(alice, List.of(bob, carol), List.of(alice));
        speaks(bob, List.of(alice, carol), List.of(bob));
        speaks(carol, List.of(), List.of(alice, bob, carol));
    }

    @Test
    void aWhisperIsHeardByItsTargetOnly() throws Exception {
        mixer.add(alice.session(), Role.SPEAK_AND_LISTEN);
        mixer.add(bob.session(), Role.SPEAK_AND_LISTEN);
        mixer.whisper(carol.session(), bob.session());
        assertThat(mixer.roleOf(carol.session())).isEqualTo(Role.LISTEN_ONLY);

        speaks(carol, List.of(bob), List.of(alice, carol));
        speaks(alice, List.of(bob, carol), List.of(alice));

        mixer.add(carol.session(), Role.LISTEN_ONLY); // back to listening: the whisper ends
        speaks(carol, List.of(), List.of(alice, bob, carol));
    }

    @Test
    void aSpeakOnlyMemberIsHeardAndGetsNothing() throws Exception {
        mixer.add(alice.session(), Role.SPEAK_AND_LISTEN);
        mixer.add(bob.session(), Role.SPEAK_AND_LISTEN);
        mixer.add(carol.session(), Role.SPEAK_ONLY);

        speaks(carol, List.of(alice, bob), List.of());
        assertThat(carol.peer().received()).isEmpty();
    }

    @Test
    void aMembersOwnPromptWinsOverTheMixOnItsStreamOnly() throws Exception {
        for (Phone p : List.of(alice, bob, carol)) {
            mixer.add(p.session(), Role.SPEAK_AND_LISTEN);
        }
        clear();
        bob.session().play(List.of(PromptLibrary.tone(2500, 600)), false, null);
        alice.peer().sendTone(alice.toneHz(), Duration.ofMillis(600)).get(3, TimeUnit.SECONDS);
        await("carol hears alice", 2000, () -> AudioCheck.hasTone(carol.peer().receivedAudio(), alice.toneHz()));
        await("bob hears his prompt", 2000, () -> AudioCheck.hasTone(bob.peer().receivedAudio(), 2500));
        assertThat(AudioCheck.toneDuration(carol.peer().receivedAudio(), 2500)).isZero();
        assertThat(AudioCheck.toneDuration(alice.peer().receivedAudio(), 2500)).isZero();
    }

    @Test
    void aRemovedMemberLeavesTheMixAndTheOthersGoOn() throws Exception {
        for (Phone p : List.of(alice, bob, carol)) {
            mixer.add(p.session(), Role.SPEAK_AND_LISTEN);
        }
        mixer.remove(carol.session());
        assertThat(mixer.members()).containsExactlyInAnyOrder(alice.session(), bob.session());
        assertThat(carol.peer().awaitQuiet(Duration.ofMillis(200), Duration.ofSeconds(2))).isTrue();
        clear();
        speaks(alice, List.of(bob), List.of(alice));
        assertThat(carol.peer().received()).isEmpty();

        bob.session().close(); // a hung-up member leaves by itself
        await("bob left", 1000, () -> mixer.members().size() == 1);
    }

    @Test
    void bridgingAMemberTakesItOutOfTheMixer() throws Exception {
        for (Phone p : List.of(alice, bob, carol)) {
            mixer.add(p.session(), Role.SPEAK_AND_LISTEN);
        }
        alice.session().bridge(bob.session());
        assertThat(mixer.members()).containsExactly(carol.session());
        mixer.close();
        assertThat(mixer.members()).isEmpty();
    }

    /**
     * {@code speaker} sends its tone; every phone of {@code hearers} must receive it, and every
     * phone of {@code deaf} must receive only silence meanwhile.
     */
    private void speaks(Phone speaker, List<Phone> hearers, List<Phone> deaf) throws Exception {
        clear();
        speaker.peer().sendTone(speaker.toneHz(), Duration.ofMillis(600)).get(3, TimeUnit.SECONDS);
        for (Phone hearer : hearers) {
            await(hearer.name() + " hears " + speaker.name(), 2000,
                    () -> AudioCheck.toneDuration(hearer.peer().receivedAudio(), speaker.toneHz()).toMillis() >= 450);
        }
        if (hearers.isEmpty()) { // what would have been heard has arrived once the stream has gone on 300 ms longer
            for (Phone p : deaf) {
                assertThat(p.peer().awaitPackets(45, Duration.ofSeconds(2))).as("%s keeps getting the mix", p.name()).isTrue();
            }
        }
        for (Phone p : deaf) {
            assertThat(AudioCheck.rms(p.peer().receivedAudio()))
                    .as("%s hears nothing while %s speaks", p.name(), speaker.name())
                    .isLessThan(AudioCheck.SILENCE);
        }
        for (Phone hearer : hearers) { // the tail of the tone must not leak into the next check
            await(speaker.name() + "'s tone ended at " + hearer.name(), 2000, () -> endsInSilence(hearer.peer()));
        }
    }

    /** The last 200 ms a phone received are silent. */
    private static boolean endsInSilence(RtpTestPeer peer) {
        short[] audio = peer.receivedAudio();
        return audio.length >= 1600 && AudioCheck.rms(audio, audio.length - 1600, audio.length) < AudioCheck.SILENCE;
    }

    private void clear() {
        alice.peer().clearReceived();
        bob.peer().clearReceived();
        carol.peer().clearReceived();
    }
}
