package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.reachpbx.directory.testsupport.MariaDbTestDatabase;

/**
 * Issue 15, item 12: a tenant import the server answered 201 is still there after the server is
 * killed with SIGKILL right after the answer. The server runs in a JVM of its own; after the kill
 * the test opens the same database and looks for the tenant. On H2 this failed before: the MVStore
 * wrote commits to its file up to a second later.
 */
class ConfirmedWritesSurviveKillTest {

    private static final String TENANT = """
            name: Kill BV
            sipDomain: kill.reachpbx.test
            extensionLength: 3
            emergencyFallbackCallerId: "0301110000"
            numbers:
              - number: "0301110000"
            numberPlanSchemas:
              - number: 1
                name: Hoofdschema
            """;

    @Test
    void anImportAnswered201SurvivesAKillOnTheDefaultH2Database(@TempDir Path dir) throws Exception {
        // No database URL: the shipped default, an H2 file under ./data of the working directory.
        String log;
        try (ServerProcess server = ServerProcess.start(dir)) {
            importAndKill(server, "demo-admin");
            log = server.tail();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            assertThat(dir.resolve("data/reachpbx.mv.db")).as("files %s, log:%n%s", files.toList(), log).exists();
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/reachpbx") + ";IFEXISTS=TRUE",
                "sa", "")) {
            assertThat(tenantsNamedKill(db)).as("the confirmed import after kill -9").isEqualTo(1);
        }
    }

    @Test
    @EnabledIf("org.reachpbx.server.ConfirmedWritesSurviveKillTest#mariaDbWanted")
    void anImportAnswered201SurvivesAKillOnMariaDb(@TempDir Path dir) throws Exception {
        String url = MariaDbTestDatabase.freshDatabase("_kill");
        try (ServerProcess server = ServerProcess.start(dir, "--spring.profiles.active=mariadb",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + MariaDbTestDatabase.USER,
                "--spring.datasource.password=" + MariaDbTestDatabase.PASSWORD, "--pbx.admin.password=kill-test-secret",
                "--pbx.security.secret-key=3q2+7wABAgMEBQYHCAkKCw==")) {
            importAndKill(server, "kill-test-secret");
        }
        try (Connection db = DriverManager.getConnection(url, MariaDbTestDatabase.USER, MariaDbTestDatabase.PASSWORD)) {
            assertThat(tenantsNamedKill(db)).as("the confirmed import after kill -9").isEqualTo(1);
        }
    }

    static boolean mariaDbWanted() {
        return MariaDbTestDatabase.wanted();
    }

    private static void importAndKill(ServerProcess server, String adminPassword) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/api/tenants"))
                .header("Authorization", ServerProcess.basic("admin", adminPassword))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(TENANT)).build(), HttpResponse.BodyHandlers.ofString());
        server.kill();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static int tenantsNamedKill(Connection db) throws Exception {
        try (PreparedStatement q = db.prepareStatement("select count(*) from tenant where name = ?")) {
            q.setString(1, "Kill BV");
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
