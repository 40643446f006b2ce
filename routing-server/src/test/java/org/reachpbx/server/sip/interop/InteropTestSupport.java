package org.reachpbx.server.sip.interop;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.server.sip.stack.SipServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server the interop tests (SIPp, baresip) talk to: the tenant of
 * {@code sip/b2bua-tenant.yaml} (IP listing off) and a carrier trunk on 127.0.0.2. Each test class
 * sets {@code pbx.sip.digest-algorithms} for its client. After each test the registrations of
 * the tenant's channels are dropped, so no stale contact is rung by the next one.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class InteropTestSupport {

    static final String DOMAIN = "sip.reachpbx.test";
    static final String TRUNK_ADDRESS = "127.0.0.2";
    static final int TRUNK_PORT = freePort(TRUNK_ADDRESS);
    static final List<String> CHANNELS = List.of("ch201", "ch202", "ch203", "ch204", "hotdesk");

    @DynamicPropertySource
    static void trunk(DynamicPropertyRegistry registry) {
        registry.add("pbx.sip.trunks[0].name", () -> "carrier");
        registry.add("pbx.sip.trunks[0].host", () -> TRUNK_ADDRESS);
        registry.add("pbx.sip.trunks[0].port", () -> TRUNK_PORT);
    }

    @Autowired
    SipServer server;
    @Autowired
    TenantStore store;
    @Autowired
    TenantViewCache views;
    @Autowired
    RegistrationStore registrations;
    @Autowired
    B2bua b2bua;

    long tenantId;

    @BeforeEach
    void tenant() throws Exception {
        tenantId = importTenant(store, views, "Sip Test BV", "sip/b2bua-tenant.yaml");
    }

    /** The id of tenant {@code name}, imported from the class path resource first when missing; waits for its view. */
    static long importTenant(TenantStore store, TenantViewCache views, String name, String resource) throws Exception {
        return org.reachpbx.server.sip.TestTenants.ensure(store, views, name, resource);
    }

    @AfterEach
    void dropRegistrations() throws Exception {
        stopProcesses();
        CHANNELS.forEach(c -> registrations.unbindAll(tenantId, c));
        for (int i = 0; i < 100 && b2bua.callsInProgress() > 0; i++) {
            Thread.sleep(50);
        }
    }

    /** Ends the external programs a test started (before the registrations are dropped). */
    abstract void stopProcesses() throws Exception;

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    static int freePort(String address) {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName(address))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tail(Path file, int chars) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            return "--- " + file + "\n" + (text.length() > chars ? text.substring(text.length() - chars) : text) + "\n";
        } catch (IOException e) {
            return e + "\n";
        }
    }
}
