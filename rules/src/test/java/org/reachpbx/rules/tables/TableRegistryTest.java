package org.reachpbx.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Versions, drafts, atomic publish and rollback of the analyst tables. */
class TableRegistryTest {

    private static final String TIMEOUTS_45 = """
            timeout,seconds
            DIGIT_ENTRY,10
            POSTAL_CODE_ENTRY,10
            EXTERNAL_RING,45
            FORWARD_RING,30
            """;
    private static final String TIMEOUTS_INVALID = TIMEOUTS_45.replace("45", "900");

    /** A store that can be told to fail, like a database that went away. */
    private static final class FlakyStore implements TableVersionStore {
        final TableVersionStore delegate = TableVersionStore.inMemory();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public List<TableVersion> loadAll() {
            return delegate.loadAll();
        }

        @Override
        public void save(Collection<TableVersion> versions) {
            if (failing.get()) {
                throw new IllegalStateException("database down");
            }
            delegate.save(versions);
        }

        @Override
        public void delete(int version) {
            delegate.delete(version);
        }
    }

    private final FlakyStore store = new FlakyStore();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void anEmptyStoreStartsWithTheDefaultsAsVersion1() {
        TableRegistry registry = new TableRegistry(store, clock);
        assertThat(registry.activeVersion()).isEqualTo(1);
        assertThat(registry.current().version()).isEqualTo("1");
        assertThat(registry.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(30);
        TableVersion v1 = registry.get(1);
        assertThat(v1.state()).isEqualTo(TableState.PUBLISHED);
        assertThat(v1.author()).isEqualTo(TableRegistry.SYSTEM);
        assertThat(v1.tables()).isEqualTo(TableSet.defaults());
        assertThat(store.loadAll()).containsExactly(v1);
    }

    @Test
    void aDraftStartsFromThePublishedSetAndDoesNotChangeCalls() {
        TableRegistry registry = new TableRegistry(store, clock);
        TableVersion draft = registry.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45, "anna");
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.state()).isEqualTo(TableState.DRAFT);
        assertThat(draft.author()).isEqualTo("anna");
        assertThat(draft.tables().text(TableName.DEFAULT_TIMEOUTS)).contains(TIMEOUTS_45);
        assertThat(draft.tables().text(TableName.REGION_GROUPS)).isEqualTo(TableSet.defaults().text(TableName.REGION_GROUPS));
        assertThat(registry.validate(2)).isEmpty();
        assertThat(registry.current().version()).isEqualTo("1");
        assertThat(registry.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(30);
    }

    @Test
    void publishSwapsAtomicallyAndACallKeepsItsVersion() {
        TableRegistry registry = new TableRegistry(store, clock);
        List<AnalystTables> published = new ArrayList<>();
        registry.addListener(published::add);
        AnalystTables runningCall = registry.current();

        registry.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45, "anna");
        TableVersion v2 = registry.publish(2, "bert");

        assertThat(v2.state()).isEqualTo(TableState.PUBLISHED);
        assertThat(v2.publishedBy()).isEqualTo("bert");
        assertThat(v2.publishedAt()).isEqualTo(clock.instant());
        assertThat(registry.activeVersion()).isEqualTo(2);
        assertThat(registry.current().version()).isEqualTo("2");
        assertThat(registry.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(45);
        assertThat(registry.get(1).state()).isEqualTo(TableState.RETIRED);
        assertThat(published).containsExactly(registry.current());
        // The call that took the tables before the publish still sees its own version.
        assertThat(runningCall.version()).isEqualTo("1");
        assertThat(runningCall.defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(30);
    }

    @Test
    void anInvalidDraftIsRefusedWithItsRowsAndTheActiveVersionStays() {
        TableRegistry registry = new TableRegistry(store, clock);
        AnalystTables before = registry.current();
        TableVersion draft = registry.createDraft(Map.of(
                TableName.DEFAULT_TIMEOUTS, TIMEOUTS_INVALID,
                TableName.ALERT_INFO, TableSet.defaults().text(TableName.ALERT_INFO).orElseThrow()
                        .replace("EMERGENCY_QUEUE,alert-emergency", "EMERGENCY_QUEUE,alert-urgent")), "anna");

        assertThat(registry.validate(draft.version())).extracting(TableViolation::toString).containsExactly(
                "alert-info.csv row 2, column alertInfo: emergency-queue calls always carry alert-emergency;"
                        + " it cannot be changed (RING-02)",
                "default-timeouts.csv row 4, column seconds: 900 is out of range: a timeout is 1 to 600 seconds");
        assertThatThrownBy(() -> registry.publish(draft.version(), "anna"))
                .isInstanceOfSatisfying(TableValidationException.class,
                        e -> assertThat(e.getViolations()).hasSize(2));

        assertThat(registry.current()).isSameAs(before);
        assertThat(registry.activeVersion()).isEqualTo(1);
        assertThat(registry.get(draft.version()).state()).isEqualTo(TableState.DRAFT);
        assertThat(store.loadAll()).filteredOn(v -> v.state() == TableState.PUBLISHED)
                .extracting(TableVersion::version).containsExactly(1);
    }

    @Test
    void aDraftCanBeFixedAndThenPublished() {
        TableRegistry registry = new TableRegistry(store, clock);
        int draft = registry.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_INVALID, "anna").version();
        assertThat(registry.validate(draft)).hasSize(1);
        registry.updateDraft(draft, Map.of(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45), "bert");
        assertThat(registry.get(draft).author()).isEqualTo("bert");
        assertThat(registry.validate(draft)).isEmpty();
        registry.publish(draft, "bert");
        assertThat(registry.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(45);
    }

    @Test
    void aFailingStoreLeavesTheActiveVersion() {
        TableRegistry registry = new TableRegistry(store, clock);
        AnalystTables before = registry.current();
        int draft = registry.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45, "anna").version();
        store.failing.set(true);
        assertThatThrownBy(() -> registry.publish(draft, "anna")).hasMessage("database down");
        assertThat(registry.current()).isSameAs(before);
        assertThat(registry.get(draft).state()).isEqualTo(TableState.DRAFT);
        assertThat(registry.get(1).state()).isEqualTo(TableState.PUBLISHED);
        store.failing.set(false);
        registry.publish(draft, "anna");
        assertThat(registry.activeVersion()).isEqualTo(draft);
    }

    @Test
    void rollbackPublishesTheEarlierVersionAgain() {
        TableRegistry registry = new TableRegistry(store, clock);
        registry.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45, "anna");
        registry.publish(2, "anna");
        registry.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45.replace("45", "50"), "anna");
        registry.publish(3, "anna");
        AnalystTables v3 = registry.current();

        TableVersion v1 = registry.get(1);
        TableVersion v2 = registry.get(2);
        TableVersion back = registry.rollback("carl");
        assertThat(back.version()).isEqualTo(2);
        // Issue 17, defect 6: a roll back does not rewrite the history of the version it activates.
        assertThat(back.publishedBy()).isEqualTo("anna");
        assertThat(back.publishedAt()).isEqualTo(v2.publishedAt());
        assertThat(registry.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(45);
        assertThat(registry.get(3).state()).isEqualTo(TableState.RETIRED);
        assertThat(v3.defaultTimeout(TimeoutKind.EXTERNAL_RING)).as("a call on v3 keeps it").isEqualTo(50);

        registry.rollback("carl");
        assertThat(registry.activeVersion()).isEqualTo(1);
        assertThat(registry.get(1).publishedBy()).as("version 1's history").isEqualTo(TableRegistry.SYSTEM);
        assertThat(registry.get(1).publishedAt()).isEqualTo(v1.publishedAt());
        assertThat(new TableRegistry(store, clock).get(1)).as("as stored").isEqualTo(registry.get(1));
        assertThatThrownBy(() -> registry.rollback("carl")).isInstanceOf(TableStateException.class)
                .hasMessageContaining("no earlier published version");

        registry.rollback(3, "carl");
        assertThat(registry.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(50);
        assertThat(registry.list()).extracting(TableVersion::state)
                .containsExactly(TableState.RETIRED, TableState.RETIRED, TableState.PUBLISHED);
    }

    @Test
    void wrongStatesAreRefused() {
        TableRegistry registry = new TableRegistry(store, clock);
        int draft = registry.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45, "anna").version();
        assertThatThrownBy(() -> registry.rollback(draft, "x")).isInstanceOf(TableStateException.class)
                .hasMessageContaining("draft");
        assertThatThrownBy(() -> registry.rollback(1, "x")).isInstanceOf(TableStateException.class)
                .hasMessageContaining("already the active");
        assertThatThrownBy(() -> registry.publish(1, "x")).isInstanceOf(TableStateException.class)
                .hasMessageContaining("not a draft");
        assertThatThrownBy(() -> registry.updateDraft(1, Map.of(TableName.ALERT_INFO, "x"), "x"))
                .isInstanceOf(TableStateException.class);
        assertThatThrownBy(() -> registry.publish(99, "x")).isInstanceOf(UnknownTableVersionException.class);
        assertThatThrownBy(() -> registry.uploadDraft(TableName.ALERT_INFO, "x".repeat(TableCompiler.MAX_TABLE_CHARS + 1), "x"))
                .isInstanceOf(TableValidationException.class).hasMessageContaining("larger than");
    }

    @Test
    void aDraftCanBeDiscarded() {
        TableRegistry registry = new TableRegistry(store, clock);
        int draft = registry.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45, "anna").version();
        registry.discardDraft(draft);
        assertThat(registry.find(draft)).isEmpty();
        assertThat(store.loadAll()).hasSize(1);
        assertThatThrownBy(() -> registry.discardDraft(1)).isInstanceOf(TableStateException.class);
    }

    @Test
    void aRestartLoadsThePublishedVersionAndTheHistory() {
        TableRegistry first = new TableRegistry(store, clock);
        first.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45, "anna");
        first.publish(2, "anna");
        first.uploadDraft(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_INVALID, "anna");

        TableRegistry restarted = new TableRegistry(store, clock);
        assertThat(restarted.activeVersion()).isEqualTo(2);
        assertThat(restarted.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(45);
        assertThat(restarted.list()).extracting(TableVersion::state)
                .containsExactly(TableState.RETIRED, TableState.PUBLISHED, TableState.DRAFT);
        assertThat(restarted.uploadDraft(TableName.ALERT_INFO, TableSet.defaults().text(TableName.ALERT_INFO).orElseThrow(),
                "anna").version()).isEqualTo(4);
    }

    @Test
    void aStoredPublishedVersionThatNoLongerValidatesFallsBackToTheNewestValidOne() {
        Instant t = clock.instant();
        TableSet good = TableSet.defaults().with(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_45);
        TableSet bad = TableSet.defaults().with(TableName.DEFAULT_TIMEOUTS, TIMEOUTS_INVALID);
        store.save(List.of(
                new TableVersion(1, TableState.RETIRED, "system", t, t, "system", TableSet.defaults()),
                new TableVersion(2, TableState.RETIRED, "anna", t, t.plusSeconds(60), "anna", good),
                new TableVersion(3, TableState.PUBLISHED, "anna", t, t.plusSeconds(120), "anna", bad)));

        TableRegistry registry = new TableRegistry(store, clock);
        assertThat(registry.activeVersion()).isEqualTo(2);
        assertThat(registry.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(45);
        assertThat(registry.get(3).state()).isEqualTo(TableState.RETIRED);
        assertThat(store.loadAll()).filteredOn(v -> v.state() == TableState.PUBLISHED)
                .extracting(TableVersion::version).containsExactly(2);
    }

    @Test
    void readersNeverSeeAHalfPublishedVersion() throws Exception {
        TableRegistry registry = new TableRegistry(store, clock);
        AtomicBoolean stop = new AtomicBoolean();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                AnalystTables t = registry.current();
                int ring = t.defaultTimeout(TimeoutKind.EXTERNAL_RING);
                // Version 1 and every odd version has 30 s; the even ones 45 s.
                int expected = Integer.parseInt(t.version()) % 2 == 0 ? 45 : 30;
                if (ring != expected) {
                    problems.add("version " + t.version() + " had " + ring);
                }
            }
        });
        reader.start();
        String defaults = TableSet.defaults().text(TableName.DEFAULT_TIMEOUTS).orElseThrow();
        for (int i = 0; i < 50; i++) {
            int draft = registry.uploadDraft(TableName.DEFAULT_TIMEOUTS, i % 2 == 0 ? TIMEOUTS_45 : defaults, "anna")
                    .version();
            registry.publish(draft, "anna");
        }
        stop.set(true);
        reader.join();
        assertThat(problems).isEmpty();
        assertThat(registry.activeVersion()).isEqualTo(51);
    }
}
