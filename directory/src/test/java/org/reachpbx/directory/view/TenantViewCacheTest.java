package org.reachpbx.directory.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.rules.view.GroupView;
import org.reachpbx.rules.view.TenantView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The cache follows the store: every committed import, replacement and deletion is visible in the
 * views at once, and a refused import leaves the previous view in place.
 */
@SpringBootTest
class TenantViewCacheTest {

    /** Numbers and domain of its own: the H2 database is shared with the other store tests. */
    private static final String DOCUMENT = """
            name: Cache BV
            sipDomain: cache.reachpbx.test
            extensionLength: 3
            emergencyFallbackCallerId: "0401230000"
            numbers:
              - number: "0401230000"
              - number: "0401230001"
            users:
              - number: "201"
                name: Piet Cache
                pin: "4827"
            groups:
              - number: "300"
                name: Groep
                members: ["201"]
                externalForwards: {onNoAnswer: "0612345678"}
            numberPlanSchemas:
              - number: 1
                name: Cache BV
                plans:
                  - number: 1
                    name: Open
                    entries:
                      - {number: "0401230000", extension: "300"}
                schedule:
                  - {fromDay: MONDAY, from: "00:00", toDay: SUNDAY, to: "24:00", plan: 1}
            """;

    @Autowired
    TenantStore store;
    @Autowired
    TenantViewCache cache;
    @Autowired
    TenantRepository tenants;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void removeTheTenant() {
        tenants.findByName("Cache BV").ifPresent(t -> store.delete(t.getId()));
    }

    @Test
    void anImportedTenantIsInTheCacheByIdDomainAndNumber() {
        long id = store.importYaml(DOCUMENT).id();

        TenantView view = cache.byId(id).orElseThrow();
        assertThat(view.tenantId()).isEqualTo(id);
        assertThat(view.name()).isEqualTo("Cache BV");
        assertThat(view.user("201").name()).isEqualTo("Piet Cache");
        assertThat(view.number("0401230000").schema()).isEqualTo(1);
        assertThat(cache.byDomain("cache.reachpbx.test")).containsSame(view);
        assertThat(cache.byDomain("Cache.ReachPBX.test")).containsSame(view);
        assertThat(cache.byPublicNumber("+31401230001")).containsSame(view);
        assertThat(cache.byPublicNumber("0401230000")).containsSame(view);
        assertThat(cache.byPublicNumber("0031401230000")).containsSame(view);
        assertThat(cache.all()).contains(view);
        assertThat(cache.byDomain("nobody.reachpbx.test")).isEmpty();
        assertThat(cache.byPublicNumber("0409999999")).isEmpty();
        assertThat(cache.byPublicNumber(null)).isEmpty();
    }

    @Test
    void aReplacedTenantGetsANewViewWhileTheOldOneStaysIntact() {
        long id = store.importYaml(DOCUMENT).id();
        TenantView before = cache.byId(id).orElseThrow();

        String changed = DOCUMENT.replace("name: Piet Cache", "name: Piet Nieuw")
                .replace("sipDomain: cache.reachpbx.test", "sipDomain: cache2.reachpbx.test")
                .replace("- number: \"0401230001\"", "- number: \"0401230002\"")
                .replace("{onNoAnswer: \"0612345678\"}", "{onNoAnswer: \"+31612345679;0612345678\"}");
        assertThat(store.importYaml(changed).id()).isEqualTo(id);

        TenantView after = cache.byId(id).orElseThrow();
        assertThat(after).isNotSameAs(before);
        assertThat(after.user("201").name()).isEqualTo("Piet Nieuw");
        assertThat(((GroupView) after.extension("300")).externalForwards().onNoAnswer())
                .containsExactly("0612345679", "0612345678");
        assertThat(cache.byDomain("cache2.reachpbx.test")).containsSame(after);
        assertThat(cache.byDomain("cache.reachpbx.test")).isEmpty();
        assertThat(cache.byPublicNumber("0401230002")).containsSame(after);
        assertThat(cache.byPublicNumber("0401230001")).isEmpty();
        assertThat(cache.byPublicNumber("0401230000")).containsSame(after);
        // A call that took the old view before the change goes on with it unchanged.
        assertThat(before.user("201").name()).isEqualTo("Piet Cache");
        assertThat(before.number("0401230001")).isNotNull();
    }

    @Test
    void aRefusedImportLeavesTheOldView() {
        long id = store.importYaml(DOCUMENT).id();
        TenantView before = cache.byId(id).orElseThrow();

        String invalid = DOCUMENT.replace("name: Piet Cache", "name: Piet Fout")
                .replace("members: [\"201\"]", "members: [\"299\"]");
        assertThatThrownBy(() -> store.importYaml(invalid)).isInstanceOf(InvalidConfigurationException.class);

        assertThat(cache.byId(id)).containsSame(before);
        assertThat(cache.byDomain("cache.reachpbx.test")).containsSame(before);
        assertThat(before.user("201").name()).isEqualTo("Piet Cache");
    }

    @Test
    void aDeletedTenantIsGone() {
        long id = store.importYaml(DOCUMENT).id();
        assertThat(cache.byId(id)).isPresent();

        assertThat(store.delete(id)).isTrue();

        assertThat(cache.byId(id)).isEmpty();
        assertThat(cache.byDomain("cache.reachpbx.test")).isEmpty();
        assertThat(cache.byPublicNumber("0401230000")).isEmpty();
        assertThat(cache.all()).noneMatch(v -> v.tenantId() == id);
    }

    @Test
    void atStartUpEveryStoredTenantIsBuilt() {
        long id = store.importYaml(DOCUMENT).id();

        TenantViewCache fresh = new TenantViewCache(tenants, transactions);
        assertThat(fresh.byId(id)).isEmpty();
        fresh.afterSingletonsInstantiated();

        assertThat(fresh.byId(id)).hasValueSatisfying(v -> assertThat(v.name()).isEqualTo("Cache BV"));
        assertThat(fresh.byPublicNumber("+31401230000").map(TenantView::tenantId)).contains(id);
        assertThat(fresh.all()).extracting(TenantView::tenantId).containsAll(tenants.findAllIds());
    }
}
