package org.reachpbx.server.sip.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.integrations.VoicemailState;
import org.reachpbx.directory.model.NumberPlanSchema;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.reachpbx.integrations.voicemail.VoicemailMessages;
import org.reachpbx.media.MediaEngine;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpPcap;
import org.reachpbx.media.testing.ToneGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * SIPp with RTP against the server's media services (docs/media.md, issue 11): the scenarios
 * {@code testdata/sipp/vm-*.xml} leave a voicemail message with {@code play_pcap_audio} (SIPp's
 * {@code g711a.pcap}) and navigate the mailbox menu with SIPp's RFC 4733 captures and with SIP INFO,
 * against the tenant of {@code sip/media-tenant.yaml} (imported next to the interop tenant), and key
 * an IVR option and the 915 plan menu ({@code ivr-option.xml}, {@code plan-menu.xml}, the latter on
 * the tenant of {@code sip/h12-menus-tenant.yaml}) with those captures. SIPp
 * plays its captures from its working directory ({@code target/sipp-media/<test>/}), where each test
 * puts them; exit code 0 means the scenario went through, including the server's BYE where it waits
 * for one. Skipped when {@code sipp} or {@code /usr/share/sip-tester} (Debian package
 * {@code sip-tester}) is missing; {@code .ci/run} installs it and fails when this class was skipped.
 */
@TestPropertySource(properties = "pbx.sip.digest-algorithms=MD5,SHA-256") // SIPp reads only the first challenge
@EnabledIf(value = "sippInstalled", disabledReason = "sipp or /usr/share/sip-tester is missing (Debian package sip-tester): the SIPp media interop tests are skipped")
class SippMediaInteropTest extends InteropTestSupport {

    /** Where Debian's sip-tester keeps its captures. */
    static final Path SIPP_PCAPS = Path.of("/usr/share/sip-tester");
    /** The media tenant's number that leads to voicemail extension 600 (number plan "Open"). */
    static final String BOX_600_NUMBER = "0301240600";

    static boolean sippInstalled() {
        return onPath("sipp") && Files.isReadable(SIPP_PCAPS.resolve("g711a.pcap"))
                && Files.isReadable(SIPP_PCAPS.resolve("dtmf_2833_pound.pcap"));
    }

    @Autowired
    MediaEngine engine;
    @Autowired
    VoicemailMessages voicemail;
    @Autowired
    VoicemailDeposit deposit;
    @Autowired
    TenantEditor editor;
    @Autowired
    TestRestTemplate http;

    long mediaTenant;
    Path scenarios;
    final List<Process> started = new ArrayList<>();

    @BeforeEach
    void mediaTenant() throws Exception {
        mediaTenant = importTenant("Media Test BV", "sip/media-tenant.yaml");
        scenarios = SippInteropTest.testdata();
    }

    @Override
    void stopProcesses() {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        started.clear();
    }

    @AfterEach
    void noMediaSessionLeftOpen() throws Exception {
        assertThat(await(() -> engine.activeSessions() == 0, Duration.ofSeconds(10)))
                .as("media sessions left open").isTrue();
    }

    /**
     * (a) The carrier calls 0301240600 (voicemail extension 600); after the greeting and the beep
     * SIPp plays g711a.pcap's audio (as 20 ms packets) and keys # as RFC 4733; the server saves the
     * message and hangs up (the scenario succeeds only with the server's BYE). The stored message has
     * the capture's sound: as much of it (10 ms windows above the silence threshold) and from its
     * first to its last sound as long as in the capture, ±100 ms, and similar audio.
     */
    @Test
    void aMessageLeftWithPlayPcapAudioIsStoredWithTheCapturesSound() throws Exception {
        empty("600");
        Path dir = workDir("leave-message");
        RtpPcap.repacketize(SIPP_PCAPS.resolve("g711a.pcap"), dir.resolve("message.pcap"), 160);
        copy("dtmf_2833_pound.pcap", dir);
        short[] sent = RtpPcap.audio(RtpPcap.read(dir.resolve("message.pcap")));

        expectSuccess(run(dir, "vm-leave-message", 60, "-s", BOX_600_NUMBER, "-i", TRUNK_ADDRESS, "-p", TRUNK_PORT,
                "-mp", freeMediaPort(TRUNK_ADDRESS), "-m", "1", "-recv_timeout", "30000"));

        assertThat(await(() -> voicemail.list(mediaTenant, "600", null).size() == 1, Duration.ofSeconds(5)))
                .as("one message in box 600").isTrue();
        VoicemailMessage m = voicemail.list(mediaTenant, "600", null).get(0);
        short[] stored = AudioCheck.readWav(voicemail.audio(mediaTenant, "600", m.getId()));
        assertSameSound(sent, stored);
        assertThat(AudioCheck.similarity(sent, stored)).as("the stored audio is the capture's").isGreaterThan(0.8);
        assertThat(m.getCallerNumber()).isEqualTo("0612345678");
    }

    /**
     * The same with SIPp's capture as it ships: 30 ms packets (240 samples each, checked by reading
     * the capture), which phones send too when they prefer ptime 30 (SIPp ignores our answer's
     * {@code a=ptime:20}). The message keeps real time: the capture's sound and its span, ±100 ms
     * (before the media engine reframed the jitter buffer's output into 20 ms frames, the 6.41 s
     * from first to last sound were stored as 8.59 s).
     */
    @Test
    void aMessageSentIn30msPacketsIsStoredInRealTime() throws Exception {
        empty("600");
        Path dir = workDir("leave-message-30ms");
        Files.copy(SIPP_PCAPS.resolve("g711a.pcap"), dir.resolve("message.pcap"), StandardCopyOption.REPLACE_EXISTING);
        copy("dtmf_2833_pound.pcap", dir);
        List<RtpPcap.Packet> packets = RtpPcap.read(dir.resolve("message.pcap"));
        assertThat(packets).as("g711a.pcap sends 30 ms packets").allMatch(p -> p.payload().length == 240);
        short[] sent = RtpPcap.audio(packets);

        expectSuccess(run(dir, "vm-leave-message", 60, "-s", BOX_600_NUMBER, "-i", TRUNK_ADDRESS, "-p", TRUNK_PORT,
                "-mp", freeMediaPort(TRUNK_ADDRESS), "-m", "1", "-recv_timeout", "30000"));

        assertThat(await(() -> voicemail.list(mediaTenant, "600", null).size() == 1, Duration.ofSeconds(5)))
                .as("one message in box 600").isTrue();
        VoicemailMessage m = voicemail.list(mediaTenant, "600", null).get(0);
        short[] stored = AudioCheck.readWav(voicemail.audio(mediaTenant, "600", m.getId()));
        assertSameSound(sent, stored);
        assertThat(AudioCheck.similarity(sent, stored)).as("the stored audio is the capture's").isGreaterThan(0.8);
    }


    /**
     * (b) User 201 calls 1233 and keys the password 4827 and # with SIPp's RFC 4733 captures, then 6
     * during its new message: the message becomes old (the menu was reached and the key taken).
     */
    @Test
    void theMailboxMenuTakesRfc4733DigitsFromSippsCaptures() throws Exception {
        empty("201");
        long id = leave("201");
        Path dir = workDir("mailbox-menu");
        for (String d : List.of("4", "8", "2", "7", "6", "pound")) {
            copy("dtmf_2833_" + d + ".pcap", dir);
        }
        expectSuccess(run(dir, "vm-mailbox-menu", 60, "-inf", scenarios.resolve("media-channels.csv"),
                "-auth_uri", "1233@media.reachpbx.test",
                "-p", freePort("127.0.0.1"), "-mp", freeMediaPort("127.0.0.1"), "-m", "1", "-recv_timeout", "15000"));
        assertThat(await(() -> voicemail.get(mediaTenant, "201", id).getState() == VoicemailState.OLD,
                Duration.ofSeconds(5))).as("password accepted, the message played and 6 made it old").isTrue();
    }

    /**
     * (b) 920 with digits as SIP INFO: mailbox 600#, password 3958#, then 6 during its new message:
     * the message of box 600 becomes old.
     */
    @Test
    void nineTwentyTakesDigitsAsSipInfo() throws Exception {
        empty("600");
        long id = leave("600");
        Path dir = workDir("mailbox-info");
        expectSuccess(run(dir, "vm-mailbox-info", 60, "-inf", scenarios.resolve("media-channels-920.csv"),
                "-auth_uri", "920@media.reachpbx.test",
                "-p", freePort("127.0.0.1"), "-mp", freeMediaPort("127.0.0.1"), "-m", "1", "-recv_timeout", "15000"));
        assertThat(await(() -> voicemail.get(mediaTenant, "600", id).getState() == VoicemailState.OLD,
                Duration.ofSeconds(5))).as("box 600 opened with its password and 6 made the message old").isTrue();
    }

    /**
     * (c) IVR 700 with SIPp: 180 during the ringback cycles, the server's 200, then 3 keyed with
     * SIPp's RFC 4733 capture: option 3 (auto-answer 651, no sound) releases the call at once. The
     * scenario succeeds only with the server's BYE within 4 s of the key.
     */
    @Test
    void anIvrOptionKeyedWithSippsCaptureIsCarriedOut() throws Exception {
        Path dir = workDir("ivr-option");
        copy("dtmf_2833_3.pcap", dir);
        expectSuccess(run(dir, "ivr-option", 60, "-inf", scenarios.resolve("media-channels-ivr.csv"),
                "-auth_uri", "700@media.reachpbx.test",
                "-p", freePort("127.0.0.1"), "-mp", freeMediaPort("127.0.0.1"), "-m", "1", "-recv_timeout", "15000"));
    }

    /**
     * (d) 915 with SIPp (NP-16-21): user 304 of the h12 tenant keys 1 (temporary change), then 2 and
     * # (plan 2) with SIPp's RFC 4733 captures; the server says so and hangs up. The change is stored:
     * the tenant's configuration over REST has the temporary holiday entry to plan 2, and the
     * simulator routes 0301290700 by plan 2 now (auto-answer 651 instead of IVR 700).
     */
    @Test
    void nineFifteenKeyedWithSippsCapturesStoresATemporaryChange() throws Exception {
        long h12 = importTenant("H12 Menus BV", "sip/h12-menus-tenant.yaml");
        try {
            assertThat(simulatedTarget(h12, "0301290700")).as("plan 1 by the schedule: IVR 700").isEqualTo("700");
            Path dir = workDir("plan-menu");
            for (String d : List.of("1", "2", "pound")) {
                copy("dtmf_2833_" + d + ".pcap", dir);
            }
            expectSuccess(run(dir, "plan-menu", 60, "-inf", scenarios.resolve("h12-channels-915.csv"),
                    "-auth_uri", "915@h12-menus.test",
                    "-p", freePort("127.0.0.1"), "-mp", freeMediaPort("127.0.0.1"), "-m", "1", "-recv_timeout", "15000"));

            String yaml = http.withBasicAuth("admin", "demo-admin").getForObject("/api/tenants/" + h12 + "/export", String.class);
            JsonNode holidays = new YAMLMapper().readTree(yaml).path("numberPlanSchemas").path(0).path("holidays");
            assertThat(holidays).as("NP-19: a temporary entry to plan 2 in the stored schema")
                    .anySatisfy(h -> {
                        assertThat(h.path("temporary").asBoolean()).isTrue();
                        assertThat(h.path("plan").asInt()).isEqualTo(2);
                    });
            assertThat(await(() -> "651".equals(simulatedTarget(h12, "0301290700")), Duration.ofSeconds(5)))
                    .as("the simulator's active plan is plan 2").isTrue();
        } finally {
            Tenant draft = editor.draft(h12).orElseThrow();
            NumberPlanSchema schema = draft.getNumberPlanSchemas().get(0);
            schema.setManualOverride(null);
            schema.setHolidays(new ArrayList<>(schema.getHolidays().stream().filter(h -> !h.isTemporary()).toList()));
            editor.save(draft);
        }
    }

    /**
     * Where the simulator sends an outside call to {@code number} of tenant {@code id} now: the menu
     * it collects for (an IVR) or the extension of the media service that answers it.
     */
    String simulatedTarget(long id, String number) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"from\":\"trunk\",\"caller\":\"0612345678\",\"dialled\":\"" + number + "\"}";
        String answer = http.withBasicAuth("admin", "demo-admin")
                .postForEntity("/api/tenants/" + id + "/simulate", new HttpEntity<>(body, headers), String.class).getBody();
        try {
            JsonNode decision = new ObjectMapper().readTree(answer).path("decision");
            return "COLLECT".equals(decision.path("outcome").asText())
                    ? decision.path("collect").path("resumeAt").asText(null)
                    : decision.path("media").path("extension").asText(null);
        } catch (IOException e) {
            throw new AssertionError("the simulator's answer is no JSON: " + answer, e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The stored recording has the sent audio's sound: its amount and its span, ±100 ms. */
    static void assertSameSound(short[] sent, short[] stored) {
        long sound = AudioCheck.durationOfSound(sent).toMillis();
        long span = AudioCheck.soundSpan(sent, AudioCheck.SILENCE).toMillis();
        assertThat(AudioCheck.durationOfSound(stored).toMillis()).as("sound in the message (sent: %d ms)", sound)
                .isBetween(sound - 100, sound + 100);
        assertThat(AudioCheck.soundSpan(stored, AudioCheck.SILENCE).toMillis())
                .as("first to last sound in the message (sent: %d ms): no frame lost or stretched", span)
                .isBetween(span - 100, span + 100);
    }

    long importTenant(String name, String resource) throws Exception {
        return InteropTestSupport.importTenant(store, views, name, resource);
    }

    void empty(String box) {
        voicemail.list(mediaTenant, box, null).forEach(m -> voicemail.delete(mediaTenant, box, m.getId()));
    }

    /** A new message of 1.5 s of 440 Hz in the box, deposited as the server would. */
    long leave(String box) throws Exception {
        Path wav = Files.createTempFile("sipp-media", ".wav");
        try {
            AudioCheck.writeWav(wav, ToneGenerator.sine(440, Duration.ofMillis(1500)));
            return deposit.deposit(new VoicemailDeposit.Deposit(mediaTenant, box, "0612345678", "Beller", "sipp-" + box,
                    null, Files.readAllBytes(wav))).getId();
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    static Path workDir(String name) throws IOException {
        Path dir = Path.of("target", "sipp-media", name).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }

    static void copy(String pcap, Path dir) throws IOException {
        Files.copy(SIPP_PCAPS.resolve(pcap), dir.resolve(pcap), StandardCopyOption.REPLACE_EXISTING);
    }

    /** An even free UDP port whose next two are free too (SIPp binds its media port and the one 2 above). */
    static int freeMediaPort(String address) {
        for (int i = 0; i < 50; i++) {
            int p = freePort(address) & ~1;
            if (p + 2 < 65535 && isFree(address, p) && isFree(address, p + 2)) {
                return p;
            }
        }
        throw new IllegalStateException("no free media port pair on " + address);
    }

    static boolean isFree(String address, int port) {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(port, java.net.InetAddress.getByName(address))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** Runs {@code testdata/sipp/<scenario>.xml} in {@code dir} (where its captures are) and waits. */
    Result run(Path dir, String scenario, int timeoutSeconds, Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenarios.resolve(scenario + ".xml").toString(),
                "127.0.0.1:" + server.port(), "-nostdin", "-trace_err", "-error_file",
                dir.resolve("errors.log").toString()));
        boolean hasAddress = false;
        for (Object a : args) {
            command.add(String.valueOf(a));
            hasAddress |= "-i".equals(a);
        }
        if (!hasAddress) {
            command.addAll(List.of("-i", "127.0.0.1"));
        }
        Files.deleteIfExists(dir.resolve("errors.log"));
        File out = dir.resolve("sipp.out").toFile();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out).start();
        started.add(p);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(scenario, -1, "sipp did not finish within " + timeoutSeconds + " s\n" + logs(dir));
        }
        return new Result(scenario, p.exitValue(), logs(dir));
    }

    static String logs(Path dir) {
        return tail(dir.resolve("errors.log"), 4000) + tail(dir.resolve("sipp.out"), 4000);
    }

    static void expectSuccess(Result r) {
        if (r.exit() != 0) {
            fail("sipp " + r.name() + " exited with " + r.exit() + " (0 = all calls succeeded)\n" + r.logs());
        }
    }

    record Result(String name, int exit, String logs) {
    }
}
