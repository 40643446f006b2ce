package org.reachpbx.directory.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The MariaDB that tests run against, from the environment: {@code PBX_TEST_MARIADB_URL} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/reachpbx_test}), {@code PBX_TEST_MARIADB_USER} (root) and
 * {@code PBX_TEST_MARIADB_PASSWORD} (empty). MariaDB tests run when it is reachable, and always
 * with {@code PBX_TEST_MARIADB=required} (CI), where an unreachable MariaDB fails them.
 */
public final class MariaDbTestDatabase {

    public static final String URL = env("PBX_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/reachpbx_test");
    public static final String USER = env("PBX_TEST_MARIADB_USER", "root");
    public static final String PASSWORD = env("PBX_TEST_MARIADB_PASSWORD", "");

    private MariaDbTestDatabase() {
    }

    /** For {@code @EnabledIf}: whether the MariaDB tests should run. */
    public static boolean wanted() {
        if ("required".equals(System.getenv("PBX_TEST_MARIADB"))) {
            return true;
        }
        try (Connection ignored = DriverManager.getConnection(serverUrl(), USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Drops and creates the test database, with {@code suffix} appended to its name so that test
     * classes do not share one, and points the Spring datasource at it.
     */
    public static void useFreshDatabase(DynamicPropertyRegistry registry, String suffix) throws SQLException {
        String url = freshDatabase(suffix);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    /** Drops and creates the test database with {@code suffix} appended to its name; its JDBC URL. */
    public static String freshDatabase(String suffix) throws SQLException {
        String base = URL.substring(URL.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String database = base + suffix;
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return serverUrl() + database;
    }

    /** The server's URL without a database, e.g. {@code jdbc:mariadb://127.0.0.1:3306/}. */
    public static String serverUrl() {
        return URL.substring(0, URL.lastIndexOf('/') + 1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
