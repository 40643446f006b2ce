package org.reachpbx.integrations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.integrations.IntegrationsTestApplication;
import org.reachpbx.integrations.crm.WebhookEndpoints;
import org.reachpbx.integrations.peers.FreePorts;
import org.reachpbx.integrations.peers.TestCrm;
import org.reachpbx.integrations.peers.TestSmsc;
import org.reachpbx.integrations.peers.Wav;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing lost across a restart: with the SMTP server, the SMSC and the CRM all down, a voicemail
 * queues its e-mail, SMS and webhook; the server stops. The peers come up, a new server starts on
 * the same (file) database, and each peer receives its message exactly once.
 */
class NothingLostAcrossRestartTest {

    private final int smtpPort = FreePorts.next();
    private final int smppPort = FreePorts.next();
    private final int crmPort = FreePorts.next();
    private final String database = "jdbc:h2:file:./target/restart-" + UUID.randomUUID() + "/reachpbx";

    private ConfigurableApplicationContext start() {
        // Command-line arguments, so that they win over the test application.properties.
        return new SpringApplicationBuilder(IntegrationsTestApplication.class).run(
                "--spring.datasource.url=" + database,
                "--pbx.integrations.smtp.host=127.0.0.1",
                "--pbx.integrations.smtp.port=" + smtpPort,
                "--pbx.integrations.smpp.host=127.0.0.1",
                "--pbx.integrations.smpp.port=" + smppPort,
                "--pbx.integrations.smpp.system-id=reachpbx",
                "--pbx.integrations.smpp.password=smsc-pw",
                "--pbx.integrations.sip.port=" + FreePorts.next(),
                // Long enough that the first server never gives up while the peers are down.
                "--pbx.integrations.outbox.max-attempts=1000");
    }

    @Test
    void everyPeerGetsItsMessageExactlyOnceAfterARestart() throws Exception {
        long messageId;
        try (ConfigurableApplicationContext first = start()) {
            TenantStore store = first.getBean(TenantStore.class);
            long demo = store.importYaml(Files.readString(Path.of("../testdata/tenants/demo.yaml"))).id();
            first.getBean(WebhookEndpoints.class).create(demo, new WebhookEndpoints.Settings(
                    "http://127.0.0.1:" + crmPort + "/events", "restart-secret-0123456789", Set.of(), true, null));
            messageId = first.getBean(VoicemailDeposit.class).deposit(new VoicemailDeposit.Deposit(demo, "600",
                    "0201112233", "Herstart BV", null, Instant.now(), Wav.tone(8000, 2))).getId();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            // Each of the three was tried and failed; all wait.
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from outbox_message where channel in ('EMAIL', 'SMS', 'WEBHOOK')"
                            + " and state = 'PENDING' and attempts >= 1", Integer.class) == 3);
        }

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestSmsc smsc = new TestSmsc(smppPort, "reachpbx", "smsc-pw");
             TestCrm crm = new TestCrm(crmPort);
             ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from outbox_message where channel in ('EMAIL', 'SMS', 'WEBHOOK')"
                            + " and state = 'DELIVERED'", Integer.class) == 3);
            Thread.sleep(1000);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("0201112233 (Herstart BV)");
            assertThat(smsc.submitted()).hasSize(1);
            assertThat(smsc.submitted().get(0).text()).contains("0201112233");
            List<TestCrm.Request> hooks = crm.requests();
            assertThat(hooks).hasSize(1);
            assertThat(hooks.get(0).body()).contains("\"VOICEMAIL_LEFT\"").contains("\"messageId\":" + messageId);
            // Box 600 deletes after e-mail: that happened in the second server.
            assertThat(jdbc.queryForObject("select count(*) from voicemail_message where id = ?", Integer.class,
                    messageId)).isZero();
        } finally {
            smtp.stop();
        }
    }
}
