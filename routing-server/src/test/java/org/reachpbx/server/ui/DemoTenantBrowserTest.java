package org.reachpbx.server.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.reachpbx.directory.store.TenantStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Browser tests that change the demo tenant: the server with the demo loaded, the demo's id, and
 * the tenant put back as it was after each test (the Spring context, and its database, is shared
 * by every test class). A test starts its browser with {@code browser = UiBrowser.start(port)};
 * it is closed here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class DemoTenantBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantStore store;

    UiBrowser browser;
    long demo;
    String original;

    @BeforeEach
    void rememberTheDemoTenant() {
        demo = store.list().stream().filter(t -> t.name().equals("Demo BV")).findFirst().orElseThrow().id();
        original = store.exportYaml(demo).orElseThrow();
    }

    @AfterEach
    void closeTheBrowserAndRestoreTheDemoTenant() {
        if (browser != null) {
            browser.close();
        }
        if (!export().equals(original)) {
            store.importYaml(original);
        }
    }

    /** The demo tenant as stored now. */
    String export() {
        return store.exportYaml(demo).orElseThrow();
    }
}
