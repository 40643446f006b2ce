package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.reachpbx.ReachPbxApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server with the production profile {@code mariadb}: it starts against MariaDB, migrates the
 * schema, reports the database in its health, and does not import the demo tenant. Runs like
 * the directory module's MariaDB tests (see {@code MariaDbConfigurationStoreTest}), on its own
 * database {@code <test database>_server}.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pbx.admin.password=profile-test-secret")
@ActiveProfiles("mariadb")
@EnabledIf("mariaDbWanted")
class MariaDbServerProfileTest {

    static final String URL = env("PBX_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/reachpbx_test") + "_server";
    static final String USER = env("PBX_TEST_MARIADB_USER", "root");
    static final String PASSWORD = env("PBX_TEST_MARIADB_PASSWORD", "");

    @Autowired
    TestRestTemplate http;

    static boolean mariaDbWanted() {
        if ("required".equals(System.getenv("PBX_TEST_MARIADB"))) {
            return true;
        }
        try (Connection ignored = DriverManager.getConnection(serverUrl(), USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) throws SQLException {
        String database = URL.substring(URL.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @Test
    void startsOnMariaDbWithHealthUpAndWithoutTheDemoTenant() throws Exception {
        JsonNode health = new ObjectMapper().readTree(http.getForObject("/actuator/health", String.class));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("MariaDB");

        assertThat(http.withBasicAuth("admin", "demo-admin").getForEntity("/api/tenants", String.class)
                .getStatusCode().value()).as("the demo password is not valid in production").isEqualTo(401);
        assertThat(http.withBasicAuth("admin", "profile-test-secret").getForObject("/api/tenants", String.class))
                .isEqualTo("[]");
    }

    private static String serverUrl() {
        return URL.substring(0, URL.lastIndexOf('/') + 1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
