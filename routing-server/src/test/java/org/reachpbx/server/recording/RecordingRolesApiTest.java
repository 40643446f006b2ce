package org.reachpbx.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.access.UiUserRepository;
import org.reachpbx.directory.access.UiUsers;
import org.reachpbx.directory.recording.CallRecording;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.media.record.Recording;
import org.reachpbx.media.record.Wav;
import org.reachpbx.server.sip.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The web roles of call recordings over REST (REC-03, REC-04), on the login's own tenant under
 * {@code /api/recordings}: "call recordings (account)" lists all of the tenant's (today by default,
 * with the filters), downloads and deletes; "call recordings (end user)" sees only the own
 * extension's, gets them as a ZIP, never sees another user's and cannot delete; other roles get 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecordingRolesApiTest {

    static final String TENANT = "Rec Roles BV";
    static final String ACCOUNT = "h14b-rec-account";
    static final String ANNA = "h14b-rec-anna";
    static final String BRAM = "h14b-rec-bram";
    static final String END_USER = "h14b-plain-user";
    static final String PASSWORD = "h14b-rec-pass-1";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TenantStore store;
    @Autowired
    TenantViewCache views;
    @Autowired
    RecordingStore recordings;
    @Autowired
    UiUsers users;
    @Autowired
    UiUserRepository logins;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;

    long tenant;
    CallRecording annas;
    CallRecording brams;
    CallRecording annasYesterday;

    @BeforeEach
    void tenantWithRecordingsAndLogins() throws Exception {
        tenant = TestTenants.ensure(store, views, TENANT, "recording/h14b-rec-roles-tenant.yaml");
        recordings.ofTenant(tenant).forEach(recordings::delete);
        users.createIfAbsent(ACCOUNT, PASSWORD, UiRole.RECORDINGS_ACCOUNT, tenant, encoder);
        users.createIfAbsent(ANNA, PASSWORD, UiRole.RECORDINGS_END_USER, tenant, "201", encoder);
        users.createIfAbsent(BRAM, PASSWORD, UiRole.RECORDINGS_END_USER, tenant, "202", encoder);
        users.createIfAbsent(END_USER, PASSWORD, UiRole.END_USER, tenant, "201", encoder);
        Instant now = clock.instant();
        annas = store(tenant, "h14b-call-a", "201", "0612345678", "201", now);
        brams = store(tenant, "h14b-call-b", "202", "202", "0201234567", now);
        annasYesterday = store(tenant, "h14b-call-c", "201", "0687654321", "201", now.minus(Duration.ofDays(1)));
    }

    @AfterEach
    void recordingsGone() {
        recordings.ofTenant(tenant).forEach(recordings::delete);
        // the logins go too: UiUsersTest expects a role filter "END_USER" to find END_USERs only
        for (String name : List.of(ACCOUNT, ANNA, BRAM, END_USER)) {
            logins.findByUsername(name).ifPresent(logins::delete);
        }
    }

    CallRecording store(long tenantId, String callId, String user, String caller, String destination, Instant at)
            throws Exception {
        Recording half = new Recording(Wav.pcm16Mono8k(new short[800], 800), Duration.ofMillis(100), Duration.ZERO,
                Recording.End.STOPPED);
        return recordings.store(tenantId, callId, user, caller, destination, at, half, half);
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    @Test
    void theAccountRoleListsTodaysRecordingsOfAllUsersFiltersDownloadsAndDeletes() {
        TestRestTemplate account = as(ACCOUNT);
        assertThat(account.getForObject("/api/recordings", String.class))
                .contains("h14b-call-a", "h14b-call-b").doesNotContain("h14b-call-c");
        String yesterday = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")))
                .minusDays(1).toString();
        assertThat(account.getForObject("/api/recordings?from=" + yesterday, String.class))
                .contains("h14b-call-a", "h14b-call-b", "h14b-call-c");
        assertThat(account.getForObject("/api/recordings?user=202", String.class))
                .contains("h14b-call-b").doesNotContain("h14b-call-a");
        assertThat(account.getForObject("/api/recordings?caller=0612", String.class))
                .contains("h14b-call-a").doesNotContain("h14b-call-b");
        assertThat(account.getForObject("/api/recordings?destination=0201", String.class))
                .contains("h14b-call-b").doesNotContain("h14b-call-a");
        assertThat(account.getForEntity("/api/recordings?from=today", String.class).getStatusCode().value())
                .isEqualTo(400);

        var wav = account.getForEntity("/api/recordings/" + annas.getId(), byte[].class);
        assertThat(wav.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(wav.getBody(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");

        var deleted = account.exchange("/api/recordings/" + brams.getId(), HttpMethod.DELETE, null, String.class);
        assertThat(deleted.getStatusCode().value()).isEqualTo(204);
        assertThat(recordings.find(brams.getId())).isEmpty();
        assertThat(recordings.file(brams)).doesNotExist();
    }

    @Test
    void theEndUserRoleSeesOnlyTheOwnRecordingsAsAZipAndCannotDelete() throws Exception {
        TestRestTemplate bram = as(BRAM);
        assertThat(bram.getForObject("/api/recordings", String.class))
                .contains("h14b-call-b").doesNotContain("h14b-call-a");
        assertThat(bram.getForObject("/api/recordings?user=201", String.class))
                .as("the user filter does not open another's recordings").doesNotContain("h14b-call-a");
        assertThat(bram.getForEntity("/api/recordings/" + annas.getId(), String.class).getStatusCode().value())
                .as("another user's recording is not there for him").isEqualTo(404);
        assertThat(bram.getForEntity("/api/recordings/" + brams.getId(), byte[].class).getStatusCode().value())
                .isEqualTo(200);

        var refused = bram.exchange("/api/recordings/" + brams.getId(), HttpMethod.DELETE, null, String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(recordings.find(brams.getId())).isPresent();
        assertThat(bram.exchange("/api/recordings/" + annas.getId(), HttpMethod.DELETE, null, String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(recordings.find(annas.getId())).isPresent();

        var zip = bram.getForEntity("/api/recordings/zip", byte[].class);
        assertThat(zip.getStatusCode().value()).isEqualTo(200);
        assertThat(zipEntries(zip.getBody())).containsExactly(RecordingAccess.fileName(brams));
        assertThat(zipEntries(as(ANNA).getForEntity("/api/recordings/zip", byte[].class).getBody()))
                .containsExactly(RecordingAccess.fileName(annas));
    }

    @Test
    void otherRolesAndOtherTenantsGetNothing() throws Exception {
        assertThat(as(END_USER).getForEntity("/api/recordings", String.class).getStatusCode().value())
                .as("a plain end user has no recording role").isEqualTo(403);
        assertThat(as(ACCOUNT).getForEntity("/api/tenants/" + tenant + "/recordings", String.class)
                .getStatusCode().value()).as("the platform admin's API stays the platform admin's").isEqualTo(403);
        assertThat(http.getForEntity("/api/recordings", String.class).getStatusCode().value()).isEqualTo(401);

        long other = store.list().stream().filter(t -> t.id() != tenant).findFirst().orElseThrow().id();
        CallRecording elsewhere = store(other, "h14b-call-x", "201", "0611111111", "201", clock.instant());
        try {
            assertThat(as(ACCOUNT).getForEntity("/api/recordings/" + elsewhere.getId(), String.class)
                    .getStatusCode().value()).isEqualTo(404);
            assertThat(as(ACCOUNT).getForObject("/api/recordings", String.class)).doesNotContain("h14b-call-x");
        } finally {
            recordings.delete(elsewhere);
        }
    }

    static List<String> zipEntries(byte[] zip) throws Exception {
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
                assertThat(new String(in.readAllBytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            }
        }
        return entries;
    }
}
