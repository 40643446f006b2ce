package org.reachpbx.server.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.stack.SipServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Floods and password guessing against the running server (issue 15, item 7), with limits made
 * small for the test: a flood from 127.0.0.3 is limited and then banned while a real phone on
 * 127.0.0.1 registers as usual; wrong passwords from 127.0.0.4 get that address banned; both bans
 * show over REST, and an admin can lift one.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"pbx.sip.edge.requests-per-second=20", "pbx.sip.edge.burst=40",
        "pbx.sip.edge.flood-ban-after=100", "pbx.sip.edge.auth-ban-after=5"})
class SipEdgeFloodTest {

    static final String DOMAIN = "demo.reachpbx.local";

    @Autowired
    SipServer server;
    @Autowired
    SipEdge edge;
    @Autowired
    TestRestTemplate http;

    @Test
    void aFloodIsLimitedAndBannedWhileAPhoneRegistersAsUsual() throws Exception {
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Thread flood = new Thread(() -> {
            try (RawSip attacker = new RawSip("127.0.0.3", server.port())) {
                while (flooding.get()) {
                    attacker.send(SipEdgeMessagesTest.options(attacker.sentBy(), UUID.randomUUID().toString()));
                    if (sent.incrementAndGet() % 5 == 0) {
                        Thread.sleep(1); // about 5,000 a second: 250 times the limit
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        flood.start();
        try {
            Thread.sleep(300);
            try (TestPhone phone = new TestPhone("jansen-bureau", DOMAIN, "kT9v-Wq4mZ2x", server.port())) {
                long start = System.currentTimeMillis();
                for (int i = 0; i < 3; i++) {
                    assertThat(phone.register(300, "MD5").getStatusCode()).isEqualTo(200);
                }
                assertThat(System.currentTimeMillis() - start).as("three registrations during the flood").isLessThan(3000);
                phone.register(0, "MD5");
            }
            long end = System.currentTimeMillis() + 10_000;
            while (edge.bans().stream().noneMatch(b -> b.address().equals("127.0.0.3")) && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
        } finally {
            flooding.set(false);
            flood.join();
        }
        assertThat(edge.bans()).anySatisfy(b -> {
            assertThat(b.address()).isEqualTo("127.0.0.3");
            assertThat(b.reason()).isEqualTo(SipEdge.Reason.FLOOD);
        });
        assertThat(edge.counter("dropped.rate-limited")).isPositive();
        assertThat(edge.counter("dropped.banned")).isPositive();
        assertThat(sent.get()).isGreaterThan(200);

        try (RawSip attacker = new RawSip("127.0.0.3", server.port())) {
            attacker.send(SipEdgeMessagesTest.options(attacker.sentBy(), UUID.randomUUID().toString()));
            assertThat(attacker.finalResponse(1000)).as("a banned source is not answered").isNull();

            var admin = http.withBasicAuth("admin", "demo-admin");
            @SuppressWarnings("unchecked")
            Map<String, Object> state = admin.getForObject("/api/sip/edge", Map.class);
            assertThat(state.get("bans").toString()).contains("127.0.0.3").contains("FLOOD");
            assertThat(((Map<?, ?>) state.get("counters")).get("dropped.rate-limited")).isNotNull();

            assertThat(admin.exchange("/api/sip/edge/bans/127.0.0.3", HttpMethod.DELETE, null, Void.class)
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            attacker.send(SipEdgeMessagesTest.options(attacker.sentBy(), UUID.randomUUID().toString()));
            assertThat(RawSip.status(attacker.finalResponse(3000))).as("answered again once unbanned").isEqualTo(200);
        }
        assertThat(http.getForEntity("/api/sip/edge", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongPasswordsGetTheAddressBanned() throws Exception {
        try (TestPhone guesser = new TestPhone("jansen-bureau", DOMAIN, "guess", server.port(), "127.0.0.4", 0)) {
            for (int i = 0; i < 5; i++) {
                assertThat(guesser.register(300, "MD5").getStatusCode()).isEqualTo(403);
            }
            assertThat(guesser.send(guesser.registerRequest(300, null))).as("banned: no answer").isNull();
        }
        assertThat(edge.bans()).anySatisfy(b -> {
            assertThat(b.address()).isEqualTo("127.0.0.4");
            assertThat(b.reason()).isEqualTo(SipEdge.Reason.AUTHENTICATION_FAILURES);
        });
        // the right password from elsewhere still works
        try (TestPhone phone = new TestPhone("jansen-bureau", DOMAIN, "kT9v-Wq4mZ2x", server.port())) {
            assertThat(phone.register(300, "SHA-256").getStatusCode()).isEqualTo(200);
            phone.register(0, "SHA-256");
        }
        edge.unban("127.0.0.4");
    }
}
