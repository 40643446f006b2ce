package org.reachpbx.server.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.recording.CallRecording;
import org.reachpbx.media.record.Recording;
import org.reachpbx.media.record.Wav;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestTenants;
import org.reachpbx.server.sip.media.MediaTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Call recording over real SIP and RTP (REC-01, REC-02): a call answered by a user with the
 * recording right is anchored and recorded, the caller on the left channel and the called party on
 * the right; a call between users without the right is not; recordings older than 31 days go.
 */
class CallRecordingWireTest extends MediaTestSupport {

    private static final String REC = "rec.reachpbx.test";

    @Autowired
    private RecordingStore recordings;
    @Autowired
    private RecordingAccess access;
    @Autowired
    private org.springframework.boot.test.web.client.TestRestTemplate http;

    private long rec;
    private final List<TestPhone> recPhones = new ArrayList<>();

    @BeforeEach
    void recTenant() throws Exception {
        rec = TestTenants.ensure(store, views, "Rec Test BV", "sip/rec-tenant.yaml");
        recordings.ofTenant(rec).forEach(recordings::delete);
    }

    @AfterEach
    void recPhonesGone() throws Exception {
        for (TestPhone p : recPhones) {
            p.register(0, "SHA-256");
            p.close();
        }
        recPhones.clear();
        recordings.ofTenant(rec).forEach(recordings::delete);
    }

    private TestPhone recPhone(String ext, RtpTestPeer rtp) throws Exception {
        TestPhone phone = new TestPhone("rch" + ext, REC, "pw-r" + ext + "-secret", server.port());
        recPhones.add(phone);
        assertThat(phone.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
        return phone.withMedia(rtp.sdpOffer(List.of("PCMA"), true));
    }

    @Test
    void aCallAnsweredByAUserWithTheRightIsRecordedWithBothParties() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        TestPhone bram = recPhone("202", bramRtp);
        TestPhone anna = recPhone("201", annaRtp).answering(TestPhone.Answering.ANSWER);

        TestPhone.Call call = bram.call("201");
        TestPhone.Incoming atAnna = anna.awaitCall(5);
        connected(call, bramRtp);
        String offerToAnna = new String(atAnna.request.getRawContent());
        assertThat(offerToAnna).as("anchored for recording").doesNotContain("m=audio " + bramRtp.port() + " ");
        annaRtp.remoteFromSdp(offerToAnna);

        bramRtp.sendTone(440, Duration.ofMillis(1000));
        annaRtp.sendTone(880, Duration.ofMillis(1000)).get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(annaRtp.receivedAudio(), 440), Duration.ofSeconds(5))).isTrue();
        call.hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();

        assertThat(awaitTrue(() -> recordings.ofTenant(rec).size() == 1, Duration.ofSeconds(10)))
                .as("one recording stored").isTrue();
        CallRecording r = recordings.ofTenant(rec).get(0);
        assertThat(r.getUserExtension()).isEqualTo("201");
        assertThat(r.getCaller()).isEqualTo("202");
        assertThat(r.getDestination()).isEqualTo("201");
        assertThat(r.getDurationMillis()).isGreaterThan(900);
        short[][] channels = stereo(Files.readAllBytes(recordings.file(r)));
        assertThat(AudioCheck.hasTone(channels[0], 440)).as("the caller, left").isTrue();
        assertThat(AudioCheck.hasTone(channels[1], 880)).as("the called party, right").isTrue();
        assertThat(AudioCheck.hasTone(channels[0], 880)).as("no echo of the other side").isFalse();
    }

    @Test
    void aCallBetweenUsersWithoutTheRightIsNotRecorded() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = recPhone("202", bramRtp);
        TestPhone cor = recPhone("203", corRtp).answering(TestPhone.Answering.ANSWER);
        TestPhone.Call call = bram.call("203");
        cor.awaitCall(5);
        connected(call, bramRtp);
        bramRtp.sendTone(440, Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);
        call.hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
        Thread.sleep(500);
        assertThat(recordings.ofTenant(rec)).isEmpty();
    }

    @Test
    void recordingsOlderThan31DaysAreDeletedFileAndRow() throws Exception {
        Instant now = clock.instant();
        Recording half = new Recording(Wav.pcm16Mono8k(new short[800], 800), Duration.ofMillis(100), Duration.ZERO,
                Recording.End.STOPPED);
        CallRecording old = recordings.store(rec, "old-call", "201", "202", "201", now.minus(Duration.ofDays(32)),
                half, half);
        CallRecording recent = recordings.store(rec, "recent-call", "201", "202", "201",
                now.minus(Duration.ofDays(30)), half, half);
        Path oldFile = recordings.file(old);
        assertThat(oldFile).exists();

        assertThat(recordings.purge()).isEqualTo(1);

        assertThat(oldFile).doesNotExist();
        assertThat(recordings.find(old.getId())).isEmpty();
        assertThat(recordings.find(recent.getId())).isPresent();
        assertThat(recordings.file(recent)).exists();
    }

    @Test
    void theEndUserRoleSeesOnlyOwnRecordingsDownloadsAZipAndCannotDelete() throws Exception {
        Instant now = clock.instant();
        Recording half = new Recording(Wav.pcm16Mono8k(new short[800], 800), Duration.ofMillis(100), Duration.ZERO,
                Recording.End.STOPPED);
        CallRecording annas = recordings.store(rec, "call-a", "201", "0612345678", "201", now, half, half);
        CallRecording brams = recordings.store(rec, "call-b", "202", "202", "0201234567", now, half, half);
        RecordingAccess.Filter any = new RecordingAccess.Filter(null, null, null, null, null);

        RecordingAccess.Viewer bram = RecordingAccess.Viewer.endUser(rec, "202");
        assertThat(access.list(bram, any)).extracting(CallRecording::getId).containsExactly(brams.getId());
        assertThat(access.find(bram, annas.getId())).as("another user's recording is not there for him").isEmpty();
        assertThatThrownBy(() -> access.delete(bram, brams)).isInstanceOf(RecordingAccess.NotAllowed.class);
        assertThat(recordings.find(brams.getId())).isPresent();
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        access.zip(bram, any, zip);
        List<String> entries = new ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new ByteArrayInputStream(zip.toByteArray()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                assertThat(new String(in.readAllBytes(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo("RIFF");
            }
        }
        assertThat(entries).containsExactly(RecordingAccess.fileName(brams));

        RecordingAccess.Viewer account = RecordingAccess.Viewer.account(rec);
        assertThat(access.list(account, any)).hasSize(2);
        assertThat(access.list(account, new RecordingAccess.Filter(null, null, "0612", null, null)))
                .extracting(CallRecording::getId).containsExactly(annas.getId());
        assertThat(access.list(RecordingAccess.Viewer.account(rec + 100_000), any)).isEmpty();

        // The same over REST for the platform admin: today's list, a filter, the WAV, delete.
        var admin = http.withBasicAuth("admin", "demo-admin");
        String base = "/api/tenants/" + rec + "/recordings";
        assertThat(admin.getForObject(base, String.class)).contains("\"call-a\"").contains("\"call-b\"");
        assertThat(admin.getForObject(base + "?user=201", String.class)).contains("call-a").doesNotContain("call-b");
        assertThat(admin.getForObject(base + "?from=2020-01-01&to=2020-01-02", String.class)).isEqualTo("[]");
        assertThat(admin.getForEntity(base + "?from=yesterday", String.class).getStatusCode().value()).isEqualTo(400);
        var wav = admin.getForEntity(base + "/" + annas.getId(), byte[].class);
        assertThat(wav.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(wav.getBody(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        admin.delete(base + "/" + annas.getId());
        assertThat(recordings.find(annas.getId())).isEmpty();
        assertThat(admin.getForEntity(base + "/" + annas.getId(), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity(base, String.class).getStatusCode().value()).as("no credentials").isEqualTo(401);
    }

    /** The left and right channels of a 16-bit stereo WAV. */
    private static short[][] stereo(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat f = in.getFormat();
            assertThat(f.getChannels()).isEqualTo(2);
            assertThat(f.getSampleRate()).isEqualTo(8000f);
            byte[] pcm = in.readAllBytes();
            int frames = pcm.length / 4;
            short[][] out = new short[2][frames];
            for (int i = 0; i < frames; i++) {
                out[0][i] = (short) ((pcm[4 * i] & 0xff) | (pcm[4 * i + 1] << 8));
                out[1][i] = (short) ((pcm[4 * i + 2] & 0xff) | (pcm[4 * i + 3] << 8));
            }
            return out;
        }
    }
}
