package org.reachpbx.server.sip.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.VoicemailMessage;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.reachpbx.integrations.voicemail.VoicemailMessages;
import org.reachpbx.media.record.Wav;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestTenants;
import org.reachpbx.server.sip.b2bua.B2buaTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * BLF, presence and message waiting over real SIP (REACH-17, PRV-04, BTN-03): phones SUBSCRIBE to
 * the server with digest authentication and read the NOTIFYs they get as calls and statuses change.
 */
class SubscriptionsWireTest extends B2buaTestSupport {

    private static final String BLF = "blf.reachpbx.test";

    @Autowired
    private Subscriptions subscriptions;
    @Autowired
    private SubscriptionProperties properties;
    @Autowired
    private VoicemailDeposit deposit;
    @Autowired
    private VoicemailMessages messages;
    @Autowired
    private JdbcTemplate jdbc;

    private long blf;
    private final List<TestPhone> blfPhones = new ArrayList<>();

    @BeforeEach
    void blfTenant() throws Exception {
        blf = TestTenants.ensure(store, views, "Blf Test BV", "sip/blf-tenant.yaml");
    }

    @AfterEach
    void blfPhonesGone() throws Exception {
        for (TestPhone p : blfPhones) {
            String channel = p.contact().substring(4, p.contact().indexOf('@'));
            registrations.unbind(blf, channel, p.contact());
            p.close();
        }
        blfPhones.clear();
        clock.reset();
    }

    private TestPhone blfPhone(String ext) throws Exception {
        TestPhone phone = new TestPhone("ch" + ext, BLF, "pw-" + ext + "-secret", server.port());
        blfPhones.add(phone);
        Response r = phone.register(300, "SHA-256");
        assertThat(r.getStatusCode()).isEqualTo(200);
        return phone;
    }

    private static String body(Request notify) {
        return new String(notify.getRawContent(), StandardCharsets.UTF_8);
    }

    private static SubscriptionStateHeader state(Request notify) {
        return (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
    }

    @Test
    void aBlfKeySeesIdleRingingAnsweredAndEndedForARealCall() throws Exception {
        TestPhone watched = blfPhone("201").answering(TestPhone.Answering.RING);
        TestPhone watcher = blfPhone("202");
        TestPhone caller = blfPhone("203");

        TestPhone.Subscription blfKey = watcher.subscribe("201", "dialog", 600, true);
        assertThat(blfKey.response.getStatusCode()).isEqualTo(200);
        Request idle = blfKey.awaitNotify(5);
        assertThat(idle).as("the NOTIFY right after the 200").isNotNull();
        assertThat(((ContentTypeHeader) idle.getHeader(ContentTypeHeader.NAME)).getContentSubType())
                .isEqualTo("dialog-info+xml");
        assertThat(state(idle).getState()).isEqualToIgnoringCase("active");
        assertThat(body(idle)).contains("entity=\"sip:201@" + BLF + "\"").doesNotContain("<dialog ");

        TestPhone.Call call = caller.call("201");
        TestPhone.Incoming ringing = watched.awaitCall(5);
        Request early = blfKey.awaitNotify(5);
        assertThat(body(early)).contains("<state>early</state>").contains("direction=\"recipient\"")
                .contains("sip:203@" + BLF);

        ringing.answer();
        assertThat(call.awaitFinal(5).getStatusCode()).isEqualTo(200);
        call.ack();
        Request confirmed = blfKey.awaitNotify(5);
        assertThat(body(confirmed)).contains("<state>confirmed</state>");

        call.hangUp();
        Request terminated = blfKey.awaitNotify(5);
        assertThat(body(terminated)).contains("<state>terminated</state>");
        assertThat(version(terminated)).isGreaterThan(version(confirmed));
        assertThat(version(confirmed)).isGreaterThan(version(early));
        assertThat(version(early)).isGreaterThan(version(idle));

        assertThat(blfKey.refresh(0).getStatusCode()).isEqualTo(200);
        assertThat(state(blfKey.awaitNotify(5)).getState()).isEqualToIgnoringCase("terminated");
    }

    private static int version(Request notify) {
        String b = body(notify);
        int at = b.indexOf("version=\"", b.indexOf("<dialog-info")) + 9;
        return Integer.parseInt(b.substring(at, b.indexOf('"', at)));
    }

    @Test
    void withoutThePresenceRightTheSubscriptionIsRefused() throws Exception {
        blfPhone("201");
        TestPhone outsider = blfPhone("203");

        TestPhone.Subscription blfKey = outsider.subscribe("201", "dialog", 600, true);
        assertThat(blfKey.response.getStatusCode()).isEqualTo(403);
        assertThat(outsider.subscribe("201", "presence", 600, true).response.getStatusCode()).isEqualTo(403);
        assertThat(outsider.notifies.poll(300, TimeUnit.MILLISECONDS)).isNull();
        // Unauthenticated: challenged, never served.
        assertThat(outsider.subscribe("201", "dialog", 600, false).response.getStatusCode()).isEqualTo(407);
        // One's own calls may always be watched.
        TestPhone.Subscription own = outsider.subscribe("203", "dialog", 600, true);
        assertThat(own.response.getStatusCode()).isEqualTo(200);
        own.refresh(0);
    }

    @Test
    void anotherEventPackageGets489() throws Exception {
        TestPhone watcher = blfPhone("202");
        TestPhone.Subscription s = watcher.subscribe("201", "conference", 600, true);
        assertThat(s.response.getStatusCode()).isEqualTo(489);
        List<String> allowed = new ArrayList<>();
        s.response.getHeaders("Allow-Events").forEachRemaining(h -> allowed.add(h.toString().trim()));
        assertThat(allowed).containsExactly("Allow-Events: dialog", "Allow-Events: presence",
                "Allow-Events: message-summary");
    }

    @Test
    void subscriptionsExpireRefreshEndAndAreLimitedPerDevice() throws Exception {
        blfPhone("201");
        TestPhone watcher = blfPhone("202");

        assertThat(watcher.subscribe("201", "presence", 10, true).response.getStatusCode()).isEqualTo(423);

        TestPhone.Subscription s = watcher.subscribe("201", "presence", 120, true);
        assertThat(s.response.getStatusCode()).isEqualTo(200);
        assertThat(state(s.awaitNotify(5)).getExpires()).isBetween(110, 120);
        assertThat(s.refresh(600).getStatusCode()).isEqualTo(200);
        assertThat(state(s.awaitNotify(5)).getExpires()).isBetween(590, 600);

        int limit = properties.getMaxPerDevice();
        properties.setMaxPerDevice(1);
        try {
            TestPhone.Subscription over = watcher.subscribe("201", "dialog", 600, true);
            assertThat(over.response.getStatusCode()).isEqualTo(403);
            assertThat(over.response.getReasonPhrase()).contains("Too many subscriptions");
        } finally {
            properties.setMaxPerDevice(limit);
        }

        int before = subscriptions.count();
        clock.setTo(Instant.now().plus(Duration.ofSeconds(601)));
        subscriptions.sweep();
        Request ended = s.awaitNotify(5);
        assertThat(state(ended).getState()).isEqualToIgnoringCase("terminated");
        assertThat(state(ended).getReasonCode()).isEqualTo("timeout");
        assertThat(subscriptions.count()).isEqualTo(before - 1);
    }

    @Test
    void presenceFollowsTheReachStatus() throws Exception {
        blfPhone("201");
        TestPhone watcher = blfPhone("202");
        TestPhone.Subscription s = watcher.subscribe("201", "presence", 600, true);
        assertThat(s.response.getStatusCode()).isEqualTo(200);
        Request first = s.awaitNotify(5);
        assertThat(((ContentTypeHeader) first.getHeader(ContentTypeHeader.NAME)).getContentSubType()).isEqualTo("pidf+xml");
        // Automatic, registered on a fixed phone only, no call: blue, open.
        assertThat(body(first)).contains("<basic>open</basic>").contains("<dm:note>blue</dm:note>");

        String yaml = new ClassPathResource("sip/blf-tenant.yaml").getContentAsString(StandardCharsets.UTF_8);
        try {
            store.importYaml(yaml.replace("      statuses:", "      manualStatus: {status: Vergadering}\n      statuses:"));
            Request busy = s.awaitNotify(5);
            assertThat(body(busy)).contains("<rpid:busy/>").contains("<dm:note>red</dm:note>");
            store.importYaml(yaml.replace("      statuses:", "      manualStatus: {status: Weg}\n      statuses:"));
            assertThat(body(s.awaitNotify(5))).contains("<rpid:away/>").contains("<dm:note>orange</dm:note>");
        } finally {
            store.importYaml(yaml);
        }
        assertThat(body(s.awaitNotify(5))).contains("<dm:note>blue</dm:note>");
        s.refresh(0);
    }

    @Test
    void messageSummaryIsAcceptedWithTheCurrentCounts() throws Exception {
        TestPhone phone = blfPhone("202");
        jdbc.update("delete from voicemail_message where tenant_id = ? and box = '202'", blf);
        try {
            for (int i = 0; i < 2; i++) {
                deposit.deposit(new VoicemailDeposit.Deposit(blf, "202", "0201234567", null, null, Instant.now(),
                        Wav.pcm16Mono8k(new short[800], 800)));
            }
            // Phones often subscribe for their own account (the channel), not the extension.
            TestPhone.Subscription mwi = phone.subscribe("ch202", "message-summary", 600, true);
            assertThat(mwi.response.getStatusCode()).isEqualTo(200);
            Request n = mwi.awaitNotify(5);
            assertThat(((ContentTypeHeader) n.getHeader(ContentTypeHeader.NAME)).getContentSubType())
                    .isEqualTo("simple-message-summary");
            assertThat(body(n)).contains("Messages-Waiting: yes").contains("Message-Account: sip:202@" + BLF)
                    .contains("Voice-Message: 2/0");
            mwi.refresh(0);
        } finally {
            jdbc.update("delete from voicemail_message where tenant_id = ? and box = '202'", blf);
        }
    }

    @Test
    void aMessageSummarySubscriberHearsInItsDialogWhenAMessageIsLeftReadAndDeleted() throws Exception {
        TestPhone phone = blfPhone("202");
        jdbc.update("delete from voicemail_message where tenant_id = ? and box = '202'", blf);
        try {
            TestPhone.Subscription mwi = phone.subscribe("ch202", "message-summary", 600, true);
            assertThat(mwi.response.getStatusCode()).isEqualTo(200);
            assertThat(body(mwi.awaitNotify(5))).contains("Messages-Waiting: no");

            VoicemailMessage left = deposit.deposit(new VoicemailDeposit.Deposit(blf, "202", "0201234567", null, null,
                    Instant.now(), Wav.pcm16Mono8k(new short[800], 800)));
            Request afterDeposit = mwi.awaitNotify(20);
            assertThat(afterDeposit).as("a NOTIFY in the subscription's dialog when a message is left").isNotNull();
            assertThat(body(afterDeposit)).contains("Messages-Waiting: yes").contains("Voice-Message: 1/0");
            assertThat(state(afterDeposit).getState()).isEqualToIgnoringCase("active");

            messages.markOld(blf, "202", left.getId());
            Request afterRead = mwi.awaitNotify(20);
            assertThat(afterRead).as("a NOTIFY when the message is listened to").isNotNull();
            assertThat(body(afterRead)).contains("Messages-Waiting: no").contains("Voice-Message: 0/1");

            messages.delete(blf, "202", left.getId());
            Request afterDelete = mwi.awaitNotify(20);
            assertThat(afterDelete).as("a NOTIFY when the message is deleted").isNotNull();
            assertThat(body(afterDelete)).contains("Voice-Message: 0/0");
            mwi.refresh(0);
        } finally {
            jdbc.update("delete from voicemail_message where tenant_id = ? and box = '202'", blf);
        }
    }
}
