package org.reachpbx.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.directory.integrations.VoicemailAudio;
import org.reachpbx.directory.integrations.VoicemailAudioRepository;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.directory.integrations.VoicemailMessageRepository;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.sound.SoundFiles;
import org.reachpbx.directory.sound.TestSounds;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.tables.JpaTableVersionStore;
import org.reachpbx.directory.tables.JpaTableVersionStoreTest;
import org.reachpbx.directory.tables.RuleTableVersionRepository;
import org.reachpbx.directory.testdata.LargeTenantGenerator;
import org.reachpbx.directory.testsupport.MariaDbTestDatabase;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.directory.yaml.TenantYaml;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The configuration store on MariaDB, the production database: Flyway's MariaDB migrations apply
 * and match the entities, and tenants import, export and round-trip there as on H2.
 * <p>
 * Runs when MariaDB is reachable, see {@link MariaDbTestDatabase}; the test database is dropped
 * and created anew for each run.
 */
@SpringBootTest
@EnabledIf("mariaDbWanted")
class MariaDbConfigurationStoreTest {

    @Autowired
    TenantStore store;
    @Autowired
    TenantRepository tenants;
    @Autowired
    TenantYaml yaml;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JpaTableVersionStore tableStore;
    @Autowired
    RuleTableVersionRepository tableVersions;
    @Autowired
    VoicemailMessageRepository voicemails;
    @Autowired
    VoicemailAudioRepository audio;
    @Autowired
    OutboxMessageRepository outbox;
    @Autowired
    SoundFiles sounds;

    static boolean mariaDbWanted() {
        return MariaDbTestDatabase.wanted();
    }

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) throws SQLException {
        MariaDbTestDatabase.useFreshDatabase(registry, "");
    }

    @Test
    void migrationsApplyAndMatchTheEntities() {
        // The context started with ddl-auto=validate, so the schema matches the entities.
        assertThat(jdbc.queryForObject("select version()", String.class)).containsIgnoringCase("mariadb");
        assertThat(jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '1' and success = 1", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '2' and success = 1", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void integrationTablesStoreAudioAndOutboxMessages() throws IOException {
        assertThat(jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '3' and success = 1", Integer.class))
                .isEqualTo(1);
        assertThat(columnType("voicemail_audio", "wav")).isEqualToIgnoringCase("longblob");
        assertThat(columnType("outbox_message", "body")).isEqualToIgnoringCase("longtext");
        long tenant = store.importYaml(Files.readString(Path.of("../testdata/tenants/demo.yaml"))).id();

        VoicemailMessage m = new VoicemailMessage();
        m.setTenantId(tenant);
        m.setBox("201");
        m.setCallerName("Zoë ☎");
        m.setReceivedAt(java.time.Instant.parse("2026-11-24T09:15:00.123456Z"));
        m.setDurationMillis(20_000);
        m.setAudioSize(3_000_000);
        m = voicemails.saveAndFlush(m);
        byte[] wav = new byte[3_000_000];
        new java.util.Random(1).nextBytes(wav);
        audio.saveAndFlush(new VoicemailAudio(m.getId(), wav));

        OutboxMessage o = new OutboxMessage();
        o.setTenantId(tenant);
        o.setChannel(OutboxChannel.EMAIL);
        o.setDestination("info@demobv.example");
        o.setBody("Van: Zoë ☎\n".repeat(10_000));
        o.setIdempotencyKey(java.util.UUID.randomUUID().toString());
        o.setCreatedAt(m.getReceivedAt());
        o.setNextAttemptAt(m.getReceivedAt());
        o.setVoicemailMessageId(m.getId());
        o = outbox.saveAndFlush(o);

        assertThat(audio.findById(m.getId()).orElseThrow().getWav()).isEqualTo(wav);
        assertThat(voicemails.findById(m.getId()).orElseThrow().getCallerName()).isEqualTo("Zoë ☎");
        assertThat(outbox.findById(o.getId()).orElseThrow().getBody()).hasSize(110_000).startsWith("Van: Zoë ☎");
        assertThat(outbox.findDueIds(java.time.Instant.parse("2026-11-25T00:00:00Z"),
                org.springframework.data.domain.PageRequest.of(0, 10))).contains(o.getId());
        // A message goes with its tenant; its audio goes with the message.
        store.delete(tenant);
        assertThat(voicemails.findById(m.getId())).isEmpty();
        assertThat(audio.findById(m.getId())).isEmpty();
    }

    @Test
    void dueOutboxMessagesAreReadPageByPageInTheirOrder() throws IOException {
        // The outbox reads what is due a page at a time, each page after the last message of the one
        // before (next attempt, then id: several messages can fall due in the same microsecond).
        long tenant = store.importYaml(Files.readString(Path.of("../testdata/tenants/demo.yaml"))).id();
        jdbc.update("update outbox_message set state = 'DEAD' where state = 'PENDING'"); // other tests' messages
        java.time.Instant due = java.time.Instant.parse("2098-03-01T10:00:00.123456Z");
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (java.time.Instant at : java.util.List.of(due, due, due, due.plusSeconds(1), due.plusSeconds(3600))) {
            OutboxMessage o = new OutboxMessage();
            o.setTenantId(tenant);
            o.setChannel(OutboxChannel.MWI);
            o.setDestination("201");
            o.setIdempotencyKey(java.util.UUID.randomUUID().toString());
            o.setCreatedAt(due);
            o.setNextAttemptAt(at);
            ids.add(outbox.saveAndFlush(o).getId());
        }
        java.time.Instant now = due.plusSeconds(60);
        var two = org.springframework.data.domain.PageRequest.of(0, 2);
        var first = outbox.findDue(now, two);
        assertThat(first).extracting(org.reachpbx.directory.integrations.DueMessage::id).containsExactly(ids.get(0), ids.get(1));
        var second = outbox.findDueAfter(now, first.get(1).nextAttemptAt(), first.get(1).id(), two);
        assertThat(second).extracting(org.reachpbx.directory.integrations.DueMessage::id).containsExactly(ids.get(2), ids.get(3));
        assertThat(outbox.findDueAfter(now, second.get(1).nextAttemptAt(), second.get(1).id(), two))
                .as("the last one is not due yet").isEmpty();
        store.delete(tenant);
    }

    private String columnType(String table, String column) {
        return jdbc.queryForObject("select data_type from information_schema.columns where table_schema = database()"
                + " and table_name = ? and column_name = ?", String.class, table, column);
    }

    @Test
    void soundFilesKeepTheirConvertedAudioAndGoWithTheirTenant() {
        assertThat(jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '6' and success = 1", Integer.class))
                .isEqualTo(1);
        assertThat(columnType("sound_file_audio", "wav")).isEqualToIgnoringCase("longblob");
        long tenant = store.importYaml(minimalTenant("Sounds MariaDB BV", "sounds-mariadb.reachpbx.test", "0301116000")).id();
        // two minutes of 16 kHz stereo: 1.9 MB of converted audio, beyond a plain BLOB
        byte[] upload = TestSounds.tone(16000, 2, 16, 440, 120, 0.5);
        sounds.store(tenant, "moh/lounge.wav", "Zoë ☎.wav", upload);
        assertThat(sounds.list(tenant)).singleElement().satisfies(s -> {
            assertThat(s.getOriginalFileName()).isEqualTo("Zoë ☎.wav");
            assertThat(s.getDurationMillis()).isEqualTo(120_000);
        });
        assertThat(sounds.find(tenant, "moh/lounge.wav").orElseThrow()).hasSize(44 + 120 * 16_000);
        assertThat(store.delete(tenant)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from sound_file_audio", Integer.class)).isZero();
    }

    private static String minimalTenant(String name, String domain, String number) {
        try {
            return new org.springframework.core.io.ClassPathResource("tenants/minimal.yaml")
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                    .replace("Minimal BV", name).replace("minimal.reachpbx.test", domain).replace("0301110000", number);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void analystTableVersionsSurviveARestart() {
        tableVersions.deleteAll();
        JpaTableVersionStoreTest.storeSurvivesARestart(tableStore, tableVersions);
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns where table_schema = database()"
                + " and table_name = 'rule_table_version' and column_name = 'region_groups'", String.class))
                .isEqualToIgnoringCase("longtext");
    }

    @Test
    void theDemoTenantRoundTrips() throws IOException {
        String demo = Files.readString(Path.of("../testdata/tenants/demo.yaml"));
        TenantStore.Saved saved = store.importYaml(demo);
        String export = store.exportYaml(saved.id()).orElseThrow();
        assertThat(export).contains("name: Demo BV").contains("Jansen");
        assertThat(store.exportYaml(store.importYaml(export).id()).orElseThrow()).isEqualTo(export);
    }

    @Test
    void theLargeTenantImportsAndRoundTrips() {
        String document = yaml.write(LargeTenantGenerator.generate("Large MariaDB BV", 1000, 200));
        TenantStore.Saved saved = store.importYaml(document);
        assertThat(jdbc.queryForObject("select count(*) from ext_user u join extension e on e.id = u.id"
                + " where e.tenant_id = ?", Integer.class, saved.id())).isEqualTo(1000);
        String export = store.exportYaml(saved.id()).orElseThrow();
        assertThat(store.exportYaml(store.importYaml(export).id()).orElseThrow()).isEqualTo(export);
    }

    @Test
    void anInvalidImportStoresNothing() {
        long before = tenants.count();
        String invalid = """
                name: Half BV
                sipDomain: half.reachpbx.test
                extensionLength: 3
                emergencyFallbackCallerId: "0301110000"
                numbers:
                  - number: "0301110000"
                users:
                  - number: "2010"
                    name: Te lang
                    pin: "4827"
                numberPlanSchemas:
                  - number: 1
                    name: Main
                """;
        assertThatThrownBy(() -> store.importYaml(invalid))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("users[0].number: 2010 must have 3 digits");
        assertThat(tenants.count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from tenant where name = 'Half BV'", Integer.class)).isZero();
    }

    @Test
    void textBeyondLatin1IsKept() {
        String document = """
                name: Café Ëxport – Zürich ☎
                sipDomain: cafe.reachpbx.test
                extensionLength: 3
                emergencyFallbackCallerId: "0301110000"
                numbers:
                  - number: "0301110000"
                users:
                  - number: "201"
                    name: Zoë Ångström
                    pin: "4827"
                numberPlanSchemas:
                  - number: 1
                    name: Hoofdschema
                """;
        TenantStore.Saved saved = store.importYaml(document);
        assertThat(store.exportYaml(saved.id()).orElseThrow()).contains("Zoë Ångström").contains("Café Ëxport – Zürich ☎");
    }
}
