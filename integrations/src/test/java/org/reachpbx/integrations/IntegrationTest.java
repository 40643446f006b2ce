package org.reachpbx.integrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.integrations.peers.FreePorts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests against real peers. All share one Spring context (same properties), whose
 * SMTP server, SMSC, CRM and phone ports are fixed per JVM; each test starts the peers it needs on
 * those ports and stops them again. Messages left pending by an earlier test are set aside first.
 */
@SpringBootTest(classes = IntegrationsTestApplication.class)
public abstract class IntegrationTest {

    public static final int SMTP_PORT = FreePorts.next();
    public static final int SMPP_PORT = FreePorts.next();
    public static final int CRM_PORT = FreePorts.next();
    public static final int PHONE_PORT = FreePorts.next();
    public static final int SIP_PORT = FreePorts.next();
    public static final String SMPP_SYSTEM_ID = "reachpbx";
    public static final String SMPP_PASSWORD = "smsc-pw";

    @Autowired
    protected TenantStore store;
    @Autowired
    protected JdbcTemplate jdbc;

    protected long demo;

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry r) {
        r.add("pbx.integrations.smtp.host", () -> "127.0.0.1");
        r.add("pbx.integrations.smtp.port", () -> SMTP_PORT);
        r.add("pbx.integrations.smtp.from", () -> "voicemail@demo.reachpbx.local");
        r.add("pbx.integrations.smpp.host", () -> "127.0.0.1");
        r.add("pbx.integrations.smpp.port", () -> SMPP_PORT);
        r.add("pbx.integrations.smpp.system-id", () -> SMPP_SYSTEM_ID);
        r.add("pbx.integrations.smpp.password", () -> SMPP_PASSWORD);
        r.add("pbx.integrations.sip.port", () -> SIP_PORT);
    }

    @BeforeEach
    void demoTenantAndCleanOutbox() throws IOException {
        demo = store.importYaml(Files.readString(Path.of("../testdata/tenants/demo.yaml"))).id();
        jdbc.update("update outbox_message set state = 'DEAD' where state = 'PENDING'");
        jdbc.update("delete from webhook_endpoint");
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
    }

    protected String outboxState(long id) {
        return jdbc.queryForObject("select state from outbox_message where id = ?", String.class, id);
    }
}
