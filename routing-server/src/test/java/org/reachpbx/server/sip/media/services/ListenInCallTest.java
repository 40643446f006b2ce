package org.reachpbx.server.sip.media.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestTenants;
import org.reachpbx.server.sip.devices.DeviceLogins;
import org.reachpbx.server.sip.media.MediaTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Listen-in over SIP and RTP (LSN-01..04): a supervisor dials {@code 906} + the agent's extension.
 * In {@code sip/services-tenant.yaml} 203 has the listen-in right on 201 (the agent), 204 has none;
 * 202 is the caller. Who hears whom is checked by tones per direction: the caller must never hear
 * the supervisor.
 */
class ListenInCallTest extends MediaTestSupport {

    static final String DOMAIN = InCallServicesTest.DOMAIN;
    static final int CALLER_HZ = 440;
    static final int AGENT_HZ = 880;
    static final int SUPERVISOR_HZ = 1300;

    @Autowired
    DeviceLogins logins;
    long tenant;

    @BeforeEach
    void servicesTenant() throws Exception {
        tenant = TestTenants.ensure(store, views, "Services Test BV", "sip/services-tenant.yaml");
    }

    TestPhone phone(String ext, RtpTestPeer rtp) throws Exception {
        TestPhone phone = new TestPhone("sch" + ext, DOMAIN, "pw-s" + ext + "-secret", server.port());
        closeAfterTest(phone);
        Response r = phone.register(300, "SHA-256");
        assertThat(r).isNotNull();
        assertThat(r.getStatusCode()).as("sch%s registers", ext).isEqualTo(200);
        return phone.withMedia(rtp.sdpOffer(List.of("PCMA"), true));
    }

    /** 202 calls 201, who answers; both RTP peers point at the server. */
    TestPhone.Call agentInACall(TestPhone caller, RtpTestPeer callerRtp, TestPhone agent, RtpTestPeer agentRtp)
            throws Exception {
        agent.answering(TestPhone.Answering.ANSWER, 100);
        TestPhone.Call call = caller.call("201");
        connected(call, callerRtp);
        TestPhone.Incoming in = agent.awaitCall(5);
        assertThat(in).as("201 rings").isNotNull();
        agentRtp.remoteFromSdp(new String(in.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !agent.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        agent.acks.clear();
        return call;
    }

    @Test
    void theSupervisorHearsBothTheAgentAloneHearsTheAnnouncementAndConsultationReachesTheAgentOnly() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", annaRtp);
        TestPhone cor = phone("203", corRtp);
        TestPhone.Call call = agentInACall(bram, bramRtp, anna, annaRtp);
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, CALLER_HZ, AGENT_HZ)).isTrue();
        assertThat(awaitTrue(() -> quiet(bramRtp) && quiet(annaRtp), Duration.ofSeconds(5))).isTrue();

        int annaFrom = annaRtp.received().size();
        int bramFrom = bramRtp.received().size();
        TestPhone.Call listen = cor.call("906201");
        connected(listen, corRtp);
        assertThat(awaitPrompt(annaRtp, annaFrom, Duration.ofSeconds(10)))
                .as("LSN-03: the agent hears that a supervisor listens").isPositive();
        assertThat(AudioCheck.rms(audioSince(bramRtp, bramFrom)))
                .as("LSN-03: the caller does not hear the announcement").isLessThan(AudioCheck.SILENCE);

        // LSN-04 listen mode: the supervisor hears both parties and is heard by neither.
        speaks(bramRtp, CALLER_HZ, List.of(annaRtp, corRtp), List.of());
        speaks(annaRtp, AGENT_HZ, List.of(bramRtp, corRtp), List.of());
        speaks(corRtp, SUPERVISOR_HZ, List.of(), List.of(bramRtp, annaRtp));

        // 2: consultation, the agent hears the supervisor, the caller still does not.
        corRtp.sendDigits("2").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> heardQuietly(corRtp, SUPERVISOR_HZ, annaRtp), Duration.ofSeconds(5)))
                .as("LSN-04 2: the agent hears the supervisor").isTrue();
        speaks(corRtp, SUPERVISOR_HZ, List.of(annaRtp), List.of(bramRtp));

        // 1: back to listening.
        corRtp.sendDigits("1").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> !heardQuietly(corRtp, SUPERVISOR_HZ, annaRtp), Duration.ofSeconds(5)))
                .as("LSN-04 1: listen mode again").isTrue();

        // The supervisor hangs up: caller and agent talk on, and nobody was re-INVITEd.
        listen.hangUp();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 500, 1200)).as("the call goes on").isTrue();
        assertThat(bram.byes).isEmpty();
        assertThat(anna.byes).isEmpty();
        assertThat(bram.reinvites).isEmpty();
        assertThat(anna.reinvites).isEmpty();
        call.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void withoutTheListenInRightTheSupervisorHearsARefusalAndIsReleased() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer doraRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", annaRtp);
        TestPhone dora = phone("204", doraRtp);
        TestPhone.Call call = agentInACall(bram, bramRtp, anna, annaRtp);

        int annaFrom = annaRtp.received().size();
        TestPhone.Call listen = dora.call("906201");
        connected(listen, doraRtp);
        assertThat(awaitPrompt(doraRtp, 0, Duration.ofSeconds(10))).as("PRV-06: an announcement").isPositive();
        assertThat(dora.byes.poll(10, TimeUnit.SECONDS)).as("then release").isNotNull();
        assertThat(AudioCheck.rms(audioSince(annaRtp, annaFrom))).as("the agent heard nothing").isLessThan(AudioCheck.SILENCE);
        call.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void nineOhSixAsksForTheExtensionAndTheSupervisorWaitsOnMusicForTheAgentsNextCall() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", annaRtp);
        TestPhone cor = phone("203", corRtp);

        TestPhone.Call listen = cor.call("906");
        connected(listen, corRtp);
        int asked = awaitPrompt(corRtp, 0, Duration.ofSeconds(10));
        assertThat(asked).as("LSN-01: asked for the agent's extension").isPositive();
        corRtp.sendDigits("201#").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.durationOfSound(audioSince(corRtp, asked)).toMillis() > 1500,
                Duration.ofSeconds(10))).as("LSN-02: music while the agent is in no call").isTrue();

        TestPhone.Call call = agentInACall(bram, bramRtp, anna, annaRtp);
        int annaFrom = annaRtp.received().size();
        assertThat(awaitPrompt(annaRtp, annaFrom, Duration.ofSeconds(10)))
                .as("LSN-02/03: joined at the answer, the agent hears the announcement").isPositive();
        speaks(bramRtp, CALLER_HZ, List.of(annaRtp, corRtp), List.of());
        speaks(corRtp, SUPERVISOR_HZ, List.of(), List.of(bramRtp, annaRtp));

        // The call ends: the supervisor stays, on music, for the next one.
        call.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        int after = corRtp.received().size();
        assertThat(awaitTrue(() -> AudioCheck.durationOfSound(audioSince(corRtp, after)).toMillis() > 1500,
                Duration.ofSeconds(10))).as("music again after the call").isTrue();
        assertThat(cor.byes).as("the supervisor stays").isEmpty();
        listen.hangUp();
    }

    @Test
    void aTransferByTheAgentEndsTheListeningAndTheSupervisorJoinsTheAgentsNextCall() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        RtpTestPeer doraRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", annaRtp);
        TestPhone cor = phone("203", corRtp);
        TestPhone dora = phone("204", doraRtp);
        anna.answering(TestPhone.Answering.ANSWER, 100);
        TestPhone.Call call = bram.call("201");
        connected(call, bramRtp);
        TestPhone.Incoming atAnna = anna.awaitCall(5);
        annaRtp.remoteFromSdp(new String(atAnna.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !anna.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        int annaFrom = annaRtp.received().size();
        TestPhone.Call listen = cor.call("906201");
        connected(listen, corRtp);
        assertThat(awaitPrompt(annaRtp, annaFrom, Duration.ofSeconds(10))).isPositive();
        speaks(annaRtp, AGENT_HZ, List.of(bramRtp, corRtp), List.of());

        // The agent transfers the caller to 204: the mix ends, the supervisor waits on music.
        dora.answering(TestPhone.Answering.ANSWER, 300);
        atAnna.refer("sip:204@" + DOMAIN);
        assertThat(anna.byes.poll(10, TimeUnit.SECONDS)).as("the agent's leg ends").isNotNull();
        TestPhone.Incoming atDora = dora.awaitCall(10);
        doraRtp.remoteFromSdp(new String(atDora.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !dora.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, doraRtp, CALLER_HZ, 1000)).as("202 talks to 204").isTrue();
        int after = corRtp.received().size();
        assertThat(awaitTrue(() -> AudioCheck.durationOfSound(audioSince(corRtp, after)).toMillis() > 1500,
                Duration.ofSeconds(10))).as("LSN-02: the supervisor waits on music again").isTrue();
        assertThat(cor.byes).as("the supervisor stays").isEmpty();

        // The agent's next call: the supervisor joins it at the answer.
        call.hangUp();
        assertThat(dora.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        anna.acks.clear();
        TestPhone.Call next = dora.call("201");
        connected(next, doraRtp);
        TestPhone.Incoming again = anna.awaitCall(5);
        int annaNext = annaRtp.received().size();
        annaRtp.remoteFromSdp(new String(again.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitPrompt(annaRtp, annaNext, Duration.ofSeconds(10)))
                .as("the agent hears the announcement in its next call").isPositive();
        speaks(doraRtp, 1000, List.of(annaRtp, corRtp), List.of());
        listen.hangUp();
        next.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void holdingByCodeEndsTheListening() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone anna = phone("201", annaRtp);
        TestPhone cor = phone("203", corRtp);
        TestPhone.Call call = agentInACall(bram, bramRtp, anna, annaRtp);
        int annaFrom = annaRtp.received().size();
        TestPhone.Call listen = cor.call("906201");
        connected(listen, corRtp);
        assertThat(awaitPrompt(annaRtp, annaFrom, Duration.ofSeconds(10))).isPositive();
        speaks(bramRtp, CALLER_HZ, List.of(annaRtp, corRtp), List.of());

        annaRtp.sendDigits("##").get(5, TimeUnit.SECONDS); // GEN-06 hold
        int after = corRtp.received().size();
        assertThat(awaitTrue(() -> AudioCheck.durationOfSound(audioSince(corRtp, after)).toMillis() > 1500,
                Duration.ofSeconds(10))).as("the supervisor waits on music again").isTrue();
        assertThat(awaitTrue(() -> !heardQuietly(annaRtp, AGENT_HZ, bramRtp), Duration.ofSeconds(6)))
                .as("the caller is on hold").isTrue();
        annaRtp.sendDigits("*#").get(5, TimeUnit.SECONDS);
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 500, 1200)).as("*#: talking again").isTrue();
        assertThat(cor.byes).isEmpty();
        listen.hangUp();
        call.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void threeSwitchesToTheAgentsOtherCall() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer deskRtp = peer();
        RtpTestPeer roomRtp = peer();
        RtpTestPeer doraRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("202", bramRtp);
        TestPhone desk = phone("201", deskRtp);
        TestPhone dora = phone("204", doraRtp);
        TestPhone cor = phone("203", corRtp);
        // 201 is in two calls: 202 called the desk phone, and 201 calls 204 from the meeting-room phone (USR-07).
        TestPhone.Call first = agentInACall(bram, bramRtp, desk, deskRtp);
        logins.logIn(tenant, "201", "sch201b", null);
        try {
            TestPhone room = new TestPhone("sch201b", DOMAIN, "pw-s201b-secret", server.port());
            closeAfterTest(room);
            assertThat(room.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
            room.withMedia(roomRtp.sdpOffer(List.of("PCMA"), true));
            dora.answering(TestPhone.Answering.ANSWER, 100);
            TestPhone.Call second = room.call("204");
            connected(second, roomRtp);
            TestPhone.Incoming atDora = dora.awaitCall(5);
            doraRtp.remoteFromSdp(new String(atDora.request.getRawContent(), StandardCharsets.UTF_8));
            assertThat(awaitTrue(() -> !dora.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();

            TestPhone.Call listen = cor.call("906201");
            connected(listen, corRtp);
            // Which of the two calls comes first is not defined: the one whose other party the supervisor hears.
            boolean bramFirst = awaitTrue(() -> heardQuietly(bramRtp, CALLER_HZ, corRtp), Duration.ofSeconds(5));
            RtpTestPeer firstParty = bramFirst ? bramRtp : doraRtp;
            RtpTestPeer secondParty = bramFirst ? doraRtp : bramRtp;
            assertThat(heardQuietly(firstParty, CALLER_HZ, corRtp)).as("listening to the first call").isTrue();

            int deskFrom = deskRtp.received().size();
            corRtp.sendDigits("3").get(5, TimeUnit.SECONDS);
            assertThat(awaitTrue(() -> heardQuietly(secondParty, AGENT_HZ, corRtp), Duration.ofSeconds(5)))
                    .as("LSN-04 3: the supervisor now hears the agent's other call").isTrue();
            assertThat(heardQuietly(firstParty, CALLER_HZ, corRtp)).as("and no longer the first").isFalse();
            if (!bramFirst) { // the desk phone's call is listened to now: its agent hears the announcement first
                assertThat(awaitPrompt(deskRtp, deskFrom, Duration.ofSeconds(10))).isPositive();
            }
            assertThat(InCallServicesTest.hearsEachOther(bramRtp, deskRtp, 500, 1200)).as("202 and 201 talk on").isTrue();
            listen.hangUp();
            second.hangUp();
            assertThat(dora.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        } finally {
            logins.logOut(tenant, "sch201b");
        }
        first.hangUp();
        assertThat(desk.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    /** {@link #heard} that cannot throw, for {@code awaitTrue}. */
    private static boolean heardQuietly(RtpTestPeer speaker, int hz, RtpTestPeer hearer) {
        try {
            return heard(speaker, hz, hearer);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aCallWhoseMediaWentEndToEndIsBroughtIntoTheServerFirst() throws Exception {
        // The media tenant anchors only when needed: 203's call to 201 runs phone to phone.
        RtpTestPeer corRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer doraRtp = peer();
        TestPhone cor = mediaPhone("203", corRtp, List.of("PCMA"));
        TestPhone anna = mediaPhone("201", annaRtp, List.of("PCMA"));
        TestPhone dora = mediaPhone("204", doraRtp, List.of("PCMA"));
        anna.answering(TestPhone.Answering.ANSWER, 100);
        TestPhone.Call call = cor.call("201");
        assertThat(call.await(200, 10)).isNotNull();
        call.ack();
        TestPhone.Incoming atAnna = anna.awaitCall(5);
        assertThat(atAnna).isNotNull();

        TestPhone.Call listen = dora.call("906201");
        connected(listen, doraRtp);
        javax.sip.message.Request toCor = cor.reinvites.poll(5, TimeUnit.SECONDS);
        javax.sip.message.Request toAnna = anna.reinvites.poll(5, TimeUnit.SECONDS);
        assertThat(toCor).as("the caller's media is brought to the server").isNotNull();
        assertThat(toAnna).as("the agent's media is brought to the server").isNotNull();
        corRtp.remoteFromSdp(new String(toCor.getRawContent(), StandardCharsets.UTF_8));
        int annaFrom = annaRtp.received().size();
        annaRtp.remoteFromSdp(new String(toAnna.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitPrompt(annaRtp, annaFrom, Duration.ofSeconds(10))).as("the agent hears the announcement").isPositive();

        speaks(corRtp, CALLER_HZ, List.of(annaRtp, doraRtp), List.of());
        speaks(doraRtp, SUPERVISOR_HZ, List.of(), List.of(corRtp, annaRtp));
        listen.hangUp();
        assertThat(InCallServicesTest.hearsEachOther(corRtp, annaRtp, 500, 1200)).as("the call goes on").isTrue();
        call.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    /** {@code speaker} sends its tone; every one of {@code hearers} receives it, none of {@code deaf} does. */
    private static void speaks(RtpTestPeer speaker, int hz, List<RtpTestPeer> hearers, List<RtpTestPeer> deaf)
            throws Exception {
        int[] from = new int[deaf.size()];
        for (int i = 0; i < deaf.size(); i++) {
            from[i] = deaf.get(i).received().size();
        }
        int[] hearFrom = new int[hearers.size()];
        for (int i = 0; i < hearers.size(); i++) {
            hearFrom[i] = hearers.get(i).received().size();
        }
        speaker.sendTone(hz, Duration.ofMillis(600)).get(5, TimeUnit.SECONDS);
        for (int i = 0; i < hearers.size(); i++) {
            RtpTestPeer h = hearers.get(i);
            int f = hearFrom[i];
            assertThat(awaitTrue(() -> AudioCheck.toneDuration(audioSince(h, f), hz).toMillis() >= 400,
                    Duration.ofSeconds(5))).as("%d Hz is heard", hz).isTrue();
        }
        Thread.sleep(300); // what the deaf would have heard has arrived by now (one mix tick plus the jitter buffer)
        for (int i = 0; i < deaf.size(); i++) {
            assertThat(AudioCheck.toneDuration(audioSince(deaf.get(i), from[i]), hz).toMillis())
                    .as("%d Hz is not heard", hz).isZero();
        }
    }

    /** Nothing but silence came for the last 300 ms (a bridge relays only what arrives; a mix sends silence). */
    private static boolean quiet(RtpTestPeer peer) {
        List<org.reachpbx.media.testing.ReceivedPacket> got = peer.received();
        if (got.isEmpty() || System.nanoTime() - got.get(got.size() - 1).arrivalNanos() > 300_000_000L) {
            return true;
        }
        short[] a = RtpTestPeer.audioOf(got);
        return a.length >= 2400 && AudioCheck.rms(a, a.length - 2400, a.length) < AudioCheck.SILENCE;
    }

    /** Whether {@code hearer} hears a short tone {@code speaker} sends now. */
    private static boolean heard(RtpTestPeer speaker, int hz, RtpTestPeer hearer) throws Exception {
        int from = hearer.received().size();
        speaker.sendTone(hz, Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        return AudioCheck.toneDuration(audioSince(hearer, from), hz).toMillis() >= 150;
    }
}
