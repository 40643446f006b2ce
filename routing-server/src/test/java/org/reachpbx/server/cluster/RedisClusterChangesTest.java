package org.reachpbx.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.store.TenantChangedEvent;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.tables.AnalystTables;
import org.reachpbx.rules.tables.TableName;
import org.reachpbx.rules.tables.TableRegistry;
import org.reachpbx.rules.tables.TableVersionStore;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.server.livestate.ClusterProperties;
import org.reachpbx.server.livestate.LiveStateConfiguration;
import org.reachpbx.server.livestate.RedisLink;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

/**
 * Changes everywhere at once: two instances (A and B: each its own tenant view cache and rule-table
 * registry, the database of the test context, the real Redis on 127.0.0.1:6379) — a tenant edit and
 * a rule-table publish and rollback on A are in effect on B within a second, while what a call
 * already holds stays as it was.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RedisClusterChangesTest {

    static final Duration AT_ONCE = Duration.ofSeconds(1);

    @Autowired
    TenantStore store;
    @Autowired
    TenantRepository tenants;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ConfigurableApplicationContext context;

    final String prefix = "test-" + UUID.randomUUID();
    RedissonClient redisA;
    RedissonClient redisB;
    RedisLink linkA;
    RedisLink linkB;
    ClusterChanges a;
    ClusterChanges b;
    ApplicationListener<?> announcer;
    Long tenantId;

    @BeforeEach
    void twoInstances() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
        } catch (Exception e) {
            assumeTrue(false, "no Redis answers on 127.0.0.1:6379 (start redis-server; .ci/run does and fails when "
                    + "Redis* tests are skipped)");
        }
        ClusterProperties cluster = new ClusterProperties();
        cluster.setRedisUrl("redis://127.0.0.1:6379");
        cluster.setKeyPrefix(prefix);
        redisA = Redisson.create(LiveStateConfiguration.redissonConfig(cluster));
        redisB = Redisson.create(LiveStateConfiguration.redissonConfig(cluster));
        linkA = new RedisLink(redisA, prefix, Duration.ofSeconds(10));
        linkB = new RedisLink(redisB, prefix, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        if (announcer != null) {
            context.removeApplicationListener(announcer);
        }
        if (tenantId != null) {
            store.delete(tenantId);
        }
        for (AutoCloseable c : new AutoCloseable[] {a, b, linkA, linkB}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing the test's own instances
            }
        }
        if (redisA != null) {
            redisA.shutdown();
            redisB.shutdown();
        }
    }

    String tenant(String channels) {
        return """
                name: Cluster Test BV
                sipDomain: cluster.reachpbx.test
                extensionLength: 3
                timeZone: Europe/Amsterdam
                ipListing: false
                emergencyFallbackCallerId: "0301259900"
                numbers:
                  - number: "0301259900"
                    kind: FIXED
                numberPlanSchemas:
                  - number: 1
                    name: Cluster Test BV
                    plans:
                      - number: 1
                        name: Open
                        entries: []
                    schedule:
                      - {fromDay: MONDAY, from: "00:00", toDay: SUNDAY, to: "24:00", plan: 1}
                channels:
                """ + channels;
    }

    @Test
    void aTenantEditOnOneInstanceIsInEffectOnTheOtherWithinASecond() {
        TenantViewCache viewsA = new TenantViewCache(tenants, transactions);
        TenantViewCache viewsB = new TenantViewCache(tenants, transactions);
        TableRegistry tables = TableRegistry.inMemory();
        a = new ClusterChanges(linkA, viewsA, tables);
        b = new ClusterChanges(linkB, viewsB, TableRegistry.inMemory());
        announcer = TransactionalApplicationListener.forPayload(TransactionPhase.AFTER_COMMIT,
                (TenantChangedEvent e) -> {
                    viewsA.refresh(e.tenantId());
                    a.tenantChanged(e);
                });
        context.addApplicationListener(announcer);

        tenantId = store.importYaml(tenant("  - {name: cl201, password: \"pw-cl201-secret\", callLimit: 2}\n")).id();
        await().atMost(AT_ONCE).until(() -> viewsB.byId(tenantId).isPresent());
        TenantView held = viewsB.byId(tenantId).orElseThrow();
        assertThat(held.channel("cl201").callLimit()).isEqualTo(2);

        store.importYaml(tenant("  - {name: cl201, password: \"pw-cl201-secret\", callLimit: 5}\n"
                + "  - {name: cl202, password: \"pw-cl202-secret\", callLimit: 1}\n"));
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20))
                .until(() -> viewsB.byId(tenantId).map(v -> v.channel("cl202") != null).orElse(false));
        assertThat(viewsB.byId(tenantId).orElseThrow().channel("cl201").callLimit()).isEqualTo(5);
        assertThat(held.channel("cl201").callLimit()).as("a call in progress keeps its view").isEqualTo(2);
        assertThat(held.channel("cl202")).isNull();

        store.delete(tenantId);
        tenantId = null;
        await().atMost(AT_ONCE).until(() -> viewsB.byDomain("cluster.reachpbx.test").isEmpty());
    }

    @Test
    void aRuleTablePublishAndRollbackOnOneInstanceAreInEffectOnTheOtherWithinASecond() {
        TableVersionStore database = TableVersionStore.inMemory();
        TableRegistry tablesA = new TableRegistry(database);
        TableRegistry tablesB = new TableRegistry(database);
        TenantViewCache views = new TenantViewCache(tenants, transactions);
        a = new ClusterChanges(linkA, views, tablesA);
        b = new ClusterChanges(linkB, views, tablesB);
        int first = tablesB.activeVersion();
        AnalystTables held = tablesB.current();

        TableName table = TableName.values()[0];
        String csv = tablesA.get(first).tables().texts().get(table);
        int draft = tablesA.createDraft(Map.of(table, csv + "\n"), "analyst").version();
        tablesA.publish(draft, "analyst");
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20)).until(() -> tablesB.activeVersion() == draft);
        assertThat(tablesB.current()).isNotSameAs(held);
        assertThat(held.version()).as("a call in progress keeps its tables").isEqualTo(String.valueOf(first));

        tablesA.rollback("analyst");
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20)).until(() -> tablesB.activeVersion() == first);
        assertThat(tablesA.activeVersion()).isEqualTo(first);
    }
}
