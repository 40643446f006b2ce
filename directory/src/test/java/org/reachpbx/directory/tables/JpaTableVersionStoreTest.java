package org.reachpbx.directory.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.rules.tables.TableName;
import org.reachpbx.rules.tables.TableRegistry;
import org.reachpbx.rules.tables.TableSet;
import org.reachpbx.rules.tables.TableState;
import org.reachpbx.rules.tables.TableVersion;
import org.reachpbx.rules.tables.TimeoutKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Versions of the analyst tables in the configuration database (V2 migration, entity
 * {@link RuleTableVersion}): a registry built on the store keeps its versions across a restart.
 */
@SpringBootTest
public class JpaTableVersionStoreTest {

    @Autowired
    JpaTableVersionStore store;
    @Autowired
    RuleTableVersionRepository repository;

    @BeforeEach
    void empty() {
        repository.deleteAll();
    }

    @Test
    void publishedVersionsSurviveARestart() {
        storeSurvivesARestart(store, repository);
    }

    /** Shared with the MariaDB test. */
    public static void storeSurvivesARestart(JpaTableVersionStore store, RuleTableVersionRepository repository) {
        TableRegistry first = new TableRegistry(store);
        assertThat(first.activeVersion()).isEqualTo(1);
        String timeouts = "timeout,seconds,description\nDIGIT_ENTRY,12,Zoë’s digits ☎\nPOSTAL_CODE_ENTRY,10,\n"
                + "EXTERNAL_RING,40,\nFORWARD_RING,30,\n";
        int draft = first.uploadDraft(TableName.DEFAULT_TIMEOUTS, timeouts, "Zoë Ångström").version();
        first.publish(draft, "anna");
        int invalid = first.uploadDraft(TableName.DEFAULT_TIMEOUTS, timeouts.replace("40", "4000"), "anna").version();
        assertThat(repository.count()).isEqualTo(3);

        TableRegistry restarted = new TableRegistry(store);
        assertThat(restarted.activeVersion()).isEqualTo(draft);
        assertThat(restarted.current().defaultTimeout(TimeoutKind.EXTERNAL_RING)).isEqualTo(40);
        assertThat(restarted.list()).isEqualTo(first.list());
        TableVersion reloaded = restarted.get(draft);
        assertThat(reloaded.author()).isEqualTo("Zoë Ångström");
        assertThat(reloaded.tables().text(TableName.DEFAULT_TIMEOUTS)).contains(timeouts);
        assertThat(reloaded.tables().text(TableName.REGION_GROUPS)).isEqualTo(TableSet.defaults().text(TableName.REGION_GROUPS));
        assertThat(restarted.get(invalid).state()).isEqualTo(TableState.DRAFT);

        restarted.rollback("anna");
        restarted.discardDraft(invalid);
        assertThat(new TableRegistry(store).list()).extracting(TableVersion::state)
                .containsExactly(TableState.PUBLISHED, TableState.RETIRED);
        assertThat(repository.count()).isEqualTo(2);
        assertThat(repository.findByVersion(1).orElseThrow().getState()).isEqualTo(TableState.PUBLISHED);
    }

    @Test
    void saveUpdatesRowsInPlace() {
        TableRegistry registry = new TableRegistry(store);
        int draft = registry.uploadDraft(TableName.ALERT_INFO, "callType,alertInfo\n", "anna").version();
        long id = repository.findByVersion(draft).orElseThrow().getId();
        registry.updateDraft(draft, java.util.Map.of(TableName.ALERT_INFO, TableSet.defaults().text(TableName.ALERT_INFO)
                .orElseThrow()), "bert");
        assertThat(repository.findByVersion(draft).orElseThrow().getId()).isEqualTo(id);
        assertThat(repository.findByVersion(draft).orElseThrow().getAuthor()).isEqualTo("bert");
        assertThat(store.loadAll()).extracting(TableVersion::version).isEqualTo(List.of(1, draft));
    }
}
