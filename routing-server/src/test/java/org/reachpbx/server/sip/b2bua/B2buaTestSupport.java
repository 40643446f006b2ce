package org.reachpbx.server.sip.b2bua;

import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.server.sip.stack.SipServer;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Shared set-up of the B2BUA tests: the server with a carrier trunk on 127.0.0.2 (so it is told
 * apart from the phones on 127.0.0.1 by address, as IP authentication does), a clock the tests can
 * move, and the tenant of {@code sip/b2bua-tenant.yaml}. All test classes share one context.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(B2buaTestSupport.Clocks.class)
public abstract class B2buaTestSupport {

    protected static final String DOMAIN = "sip.reachpbx.test";
    protected static final String TRUNK_ADDRESS = "127.0.0.2";
    protected static final int TRUNK_PORT = freePort(TRUNK_ADDRESS);

    @DynamicPropertySource
    protected static void trunk(DynamicPropertyRegistry registry) {
        registry.add("pbx.sip.trunks[0].name", () -> "carrier");
        registry.add("pbx.sip.trunks[0].host", () -> TRUNK_ADDRESS);
        registry.add("pbx.sip.trunks[0].port", () -> TRUNK_PORT);
        // Low, so a forward chain can pass it: 201 -> 203 -> 204 -> 202 on busy is 4 decisions.
        registry.add("pbx.sip.max-decisions-per-call", () -> 3);
    }

    /** A clock that runs with real time from wherever a test puts it. */
    protected static final class MovableClock extends Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        public void setTo(Instant when) {
            offset = Duration.between(Instant.now(), when);
        }

        public void reset() {
            offset = Duration.ZERO;
        }
    }

    @TestConfiguration
    protected static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    protected SipServer server;
    @Autowired
    protected TenantStore store;
    @Autowired
    protected TenantViewCache views;
    @Autowired
    protected MovableClock clock;
    @Autowired
    protected B2bua b2bua;
    @Autowired
    protected LiveCalls live;

    protected long tenantId;
    protected final List<TestPhone> phones = new ArrayList<>();
    private final java.util.Map<TestPhone, String> registered = new java.util.LinkedHashMap<>();
    @Autowired
    protected RegistrationStore registrations;

    @BeforeEach
    protected void tenant() throws Exception {
        clock.reset();
        tenantId = org.reachpbx.server.sip.TestTenants.ensure(store, views, "Sip Test BV", "sip/b2bua-tenant.yaml");
    }

    @AfterEach
    protected void closePhones() throws Exception {
        // Unregister first: a closed phone left registered would be rung (silently) by later tests.
        for (var p : registered.entrySet()) {
            p.getKey().register(0, "SHA-256");
            // A loaded machine can let that REGISTER go unanswered within the phone's wait; a
            // contact left behind would be rung, silently, by the next test.
            registrations.unbind(tenantId, p.getValue(), p.getKey().contact());
        }
        registered.clear();
        phones.forEach(TestPhone::close);
        phones.clear();
        // Let calls of this test end (their legs are gone) before the next one counts anything.
        for (int i = 0; i < 100 && b2bua.callsInProgress() > 0; i++) {
            Thread.sleep(50);
        }
        if (b2bua.callsInProgress() > 0) {
            // A call that outlived its phones (a failed test): ended here, or its users stay busy.
            System.out.println("Calls left after the test, ended by the server: " + b2bua.endAll());
        }
    }

    protected static String yaml() throws IOException {
        return new ClassPathResource("sip/b2bua-tenant.yaml").getContentAsString(StandardCharsets.UTF_8);
    }

    /** A registered desk phone of user {@code ext} (channel ch{ext}). */
    protected TestPhone phone(String ext) throws Exception {
        return phone("ch" + ext, "pw-" + ext + "-secret", null);
    }

    protected TestPhone phone(String channel, String password, String device) throws Exception {
        TestPhone phone = new TestPhone(channel, DOMAIN, password, server.port());
        phones.add(phone);
        if (device != null) {
            phone.registerAs(device);
        }
        Response r = phone.register(300, "SHA-256");
        if (r == null || r.getStatusCode() != 200) {
            throw new AssertionError(channel + " could not register: " + r);
        }
        registered.put(phone, channel);
        return phone;
    }

    /** The carrier's side of the trunk, on 127.0.0.2. */
    protected TestPhone trunk() throws Exception {
        TestPhone trunk = new TestPhone("carrier", DOMAIN, "none", server.port(), TRUNK_ADDRESS, TRUNK_PORT);
        phones.add(trunk);
        return trunk;
    }

    protected static int freePort(String address) {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName(address))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
