package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.integrations.voicemail.VoicemailMessages;
import org.reachpbx.media.MediaEngine;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.b2bua.B2buaTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The media tests: the B2BUA tests' server (one shared context) with the tenant of
 * {@code sip/media-tenant.yaml}, phones that send and receive real RTP through an
 * {@link RtpTestPeer}, and checks that every media session is closed after each test.
 */
public abstract class MediaTestSupport extends B2buaTestSupport {

    protected static final String MEDIA_DOMAIN = "media.reachpbx.test";

    @Autowired
    protected MediaEngine engine;
    @Autowired
    protected VoicemailMessages voicemail;

    protected long mediaTenant;
    protected final List<RtpTestPeer> peers = new ArrayList<>();
    private final List<TestPhone> mediaPhones = new ArrayList<>();

    @BeforeEach
    protected void mediaTenant() throws Exception {
        mediaTenant = org.reachpbx.server.sip.TestTenants.ensure(store, views, "Media Test BV", "sip/media-tenant.yaml");
    }

    @AfterEach
    protected void noSessionLeftOpen() throws Exception {
        for (TestPhone p : mediaPhones) {
            p.register(0, "SHA-256");
            p.close();
        }
        mediaPhones.clear();
        peers.forEach(RtpTestPeer::close);
        peers.clear();
        // Every way a call ends returns its media session (and its ports).
        if (!awaitTrue(() -> engine.activeSessions() == 0, Duration.ofSeconds(10))) {
            int left = engine.activeSessions();
            // This test fails; the calls it left behind must not fail the tests after it too (their
            // users would be busy, their sessions counted here again).
            int calls = b2bua.endAll();
            awaitTrue(() -> engine.activeSessions() == 0, Duration.ofSeconds(5));
            assertThat(left).as("media sessions left open (%d calls ended by the server afterwards)", calls).isZero();
        }
    }

    /** A registered phone of user {@code ext} with RTP: its offer is the peer's SDP. */
    protected TestPhone mediaPhone(String ext, RtpTestPeer rtp, List<String> codecs) throws Exception {
        TestPhone phone = new TestPhone("mch" + ext, MEDIA_DOMAIN, "pw-m" + ext + "-secret", server.port());
        mediaPhones.add(phone);
        Response r = phone.register(300, "SHA-256");
        if (r == null || r.getStatusCode() != 200) {
            throw new AssertionError("mch" + ext + " could not register: " + r);
        }
        return phone.withMedia(rtp.sdpOffer(codecs, true));
    }

    /** A registered phone on channel {@code channel} (no user linked to it, say) with RTP. */
    protected TestPhone channelPhone(String channel, String password, RtpTestPeer rtp) throws Exception {
        TestPhone phone = new TestPhone(channel, MEDIA_DOMAIN, password, server.port());
        mediaPhones.add(phone);
        Response r = phone.register(300, "SHA-256");
        if (r == null || r.getStatusCode() != 200) {
            throw new AssertionError(channel + " could not register: " + r);
        }
        return phone.withMedia(rtp.sdpOffer(List.of("PCMA", "PCMU"), true));
    }

    /** Unregisters and closes {@code phone} after the test, like the phones of {@link #mediaPhone}. */
    protected void closeAfterTest(TestPhone phone) {
        mediaPhones.add(phone);
    }

    protected RtpTestPeer peer() throws Exception {
        RtpTestPeer p = new RtpTestPeer();
        peers.add(p);
        return p;
    }

    /** Answers the call's 200 with an ACK and points the peer at the server's media address. */
    protected static void connected(TestPhone.Call call, RtpTestPeer rtp) throws Exception {
        Response ok = call.await(200, 10);
        assertThat(ok).as("the server answers").isNotNull();
        call.ack();
        rtp.remoteFromSdp(call.answerSdp());
    }

    /** Waits until the peer has heard a 1 kHz tone (the beep before a recording); false after the timeout. */
    protected static boolean awaitBeep(RtpTestPeer rtp, Duration timeout) throws InterruptedException {
        return awaitTrue(() -> beepHeard(rtp.receivedAudio()), timeout);
    }

    /** Whether some 100 ms of the audio is the 1 kHz beep. */
    protected static boolean beepHeard(short[] audio) {
        for (int at = 0; at + 800 <= audio.length; at += 400) {
            if (AudioCheck.hasTone(java.util.Arrays.copyOfRange(audio, at, at + 800), 1000)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits until a prompt has been heard after packet {@code from} and has ended (600 ms without
     * sound since); the index to wait from next time, or -1 after the timeout.
     */
    protected static int awaitPrompt(RtpTestPeer rtp, int from, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<org.reachpbx.media.testing.ReceivedPacket> got = rtp.received();
            long lastSound = -1;
            for (int i = Math.max(0, from); i < got.size(); i++) {
                if (AudioCheck.rms(got.get(i).audio()) > AudioCheck.SILENCE) {
                    lastSound = got.get(i).arrivalNanos();
                }
            }
            if (lastSound > 0 && System.nanoTime() - lastSound > 600_000_000L) {
                return got.size();
            }
            Thread.sleep(50);
        }
        return -1;
    }

    /** The audio received from packet {@code from} on. */
    protected static short[] audioSince(RtpTestPeer rtp, int from) {
        List<org.reachpbx.media.testing.ReceivedPacket> got = rtp.received();
        return RtpTestPeer.audioOf(got.subList(Math.min(from, got.size()), got.size()));
    }

    /** An 8 kHz 16-bit WAV of the samples, as a message or greeting file. */
    protected static byte[] wav(short[] samples) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("media-test", ".wav");
        try {
            AudioCheck.writeWav(f, samples);
            return java.nio.file.Files.readAllBytes(f);
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    /** Waits until the condition holds; false after the timeout. */
    protected static boolean awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
