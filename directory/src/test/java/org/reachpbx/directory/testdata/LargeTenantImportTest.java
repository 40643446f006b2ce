package org.reachpbx.directory.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.yaml.TenantYaml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The large generated tenant (1,000 users, 200 company numbers) imports completely and round-trips.
 * The import time is logged for docs/performance.md; it is a figure to report, not an assertion.
 */
@SpringBootTest
class LargeTenantImportTest {

    private static final Logger log = LoggerFactory.getLogger(LargeTenantImportTest.class);

    @Autowired
    TenantStore store;
    @Autowired
    TenantYaml yaml;
    @Autowired
    TenantRepository tenants;
    @Autowired
    TransactionTemplate tx;

    @Test
    void importsTheLargeTenantCompletelyAndRoundTrips() {
        String document = yaml.write(LargeTenantGenerator.generate("Large BV", 1000, 200));

        long start = System.nanoTime();
        TenantStore.Saved saved = store.importYaml(document);
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Imported the large tenant ({} KiB of YAML) in {} ms", document.length() / 1024, millis);

        tx.executeWithoutResult(s -> {
            Tenant t = tenants.findById(saved.id()).orElseThrow();
            assertThat(t.getUsers()).hasSize(1000);
            assertThat(t.getChannels()).hasSize(1000);
            assertThat(t.getNumbers()).hasSize(200 + 1000);
            assertThat(t.getNumbers().stream().filter(n -> n.isCompanyNumber()).count()).isEqualTo(200);
            UserExtension last = (UserExtension) t.extension("2999").orElseThrow();
            assertThat(last.getReach().getCallClasses()).extracting("name").containsExactly("Zakelijk", "Privé");
            assertThat(last.getReach().getMatrix()).hasSize(2);
            assertThat(t.getNumberPlanSchemas().get(0).getPlans().get(0).getEntries()).hasSize(200);
        });

        String export = store.exportYaml(saved.id()).orElseThrow();
        TenantStore.Saved again = store.importYaml(export);
        assertThat(again.replaced()).isTrue();
        assertThat(again.id()).isEqualTo(saved.id());
        assertThat(store.exportYaml(saved.id()).orElseThrow()).isEqualTo(export);
    }
}
