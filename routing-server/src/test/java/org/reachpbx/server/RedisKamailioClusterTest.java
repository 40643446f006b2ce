package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reachpbx.directory.testsupport.MariaDbTestDatabase;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestPhone.Answering;

/**
 * Two server processes sharing MariaDB and Redis behind Kamailio's dispatcher (deploy/kamailio,
 * docs/cluster.md): a phone registered on one instance is called through the other; a phone behind
 * NAT registered through Kamailio is reached from either instance over its Path (RFC 3327); a call-limit
 * extension's limit of 2 holds across both; after kill -9 of one instance Kamailio sends new calls
 * to the other and the dead instance's call leases expire, freeing the extension.
 */
class RedisKamailioClusterTest {

    static final String DOMAIN = "cluster.reachpbx.test";
    static final String ADMIN = "cluster-test-secret";
    static final String TENANT = """
            name: Cluster BV
            sipDomain: cluster.reachpbx.test
            extensionLength: 3
            timeZone: Europe/Amsterdam
            emergencyFallbackCallerId: "0301259900"
            ipListing: false
            numbers:
              - number: "0301259900"
                kind: FIXED
            channels:
              - {name: cl201, password: "pw-cl201-secret", areaCode: "030", callLimit: 5, coupledUser: "201"}
              - {name: cl202, password: "pw-cl202-secret", areaCode: "030", callLimit: 5, coupledUser: "202"}
            users:
              - number: "201"
                name: Anna Smit
                pin: "4827"
                licence: PRO
                secondCallOffering: true
                devices:
                  - {name: Bureau, type: FIXED, channel: cl201}
                reach:
                  defaultProfile:
                    name: Standaard
                    devices:
                      - {device: Bureau, enabled: true, step: 1}
              - number: "202"
                name: Bram de Wit
                pin: "7391"
                licence: PRO
                secondCallOffering: true
                devices:
                  - {name: Bureau, type: FIXED, channel: cl202}
                reach:
                  defaultProfile:
                    name: Standaard
                    devices:
                      - {device: Bureau, enabled: true, step: 1}
            callLimits:
              - number: "560"
                name: Twee tegelijk
                callLimit: 2
                callerId: ORIGINAL_CALLER
                withinLimitDestination: "202"
                aboveLimitDestination: busy
            numberPlanSchemas:
              - number: 1
                name: Cluster BV
                plans:
                  - number: 1
                    name: Open
                    entries:
                      - {number: "0301259900", extension: "201"}
                schedule:
                  - {fromDay: MONDAY, from: "00:00", toDay: SUNDAY, to: "24:00", plan: 1}
            """;

    final List<AutoCloseable> started = new ArrayList<>();
    /** The test's working directory: the processes' logs, kept in target/cluster-logs after the test. */
    Path workDir;
    final String prefix = "test-" + UUID.randomUUID();
    Process kamailio;

    @AfterEach
    void stopAll() throws Exception {
        if (kamailio != null) {
            // SIGTERM: Kamailio's main process then stops its worker processes (SIGKILL would orphan them).
            List<ProcessHandle> workers = kamailio.descendants().toList();
            kamailio.destroy();
            if (!kamailio.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                kamailio.destroyForcibly().waitFor();
            }
            workers.forEach(ProcessHandle::destroyForcibly);
        }
        if (started.isEmpty()) {
            return;  // skipped before anything started
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        ServerProcess.keepLogs(workDir, getClass().getSimpleName());
        // The instances' live state in Redis (Redisson's TTL maps keep expiry sets named "redisson__...{<name>}").
        org.redisson.config.Config config = new org.redisson.config.Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:6379");
        org.redisson.api.RedissonClient redis = org.redisson.Redisson.create(config);
        try {
            redis.getKeys().deleteByPattern("*" + prefix + ":*");
        } finally {
            redis.shutdown();
        }
    }

    static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    ServerProcess instance(Path dir, String url, String prefix, int sipPort, String rtpPorts) throws Exception {
        Files.createDirectories(dir);
        ServerProcess server = ServerProcess.start(dir, "--spring.profiles.active=mariadb",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + MariaDbTestDatabase.USER,
                "--spring.datasource.password=" + MariaDbTestDatabase.PASSWORD, "--pbx.admin.password=" + ADMIN,
                "--pbx.security.secret-key=3q2+7wABAgMEBQYHCAkKCw==", "--pbx.sip.enabled=true",
                "--pbx.sip.host=127.0.0.1", "--pbx.sip.port=" + sipPort, "--pbx.sip.edge.allowlist=127.0.0.1/32",
                "--pbx.media.bind-address=127.0.0.1", "--pbx.media.rtp-ports=" + rtpPorts,
                "--pbx.cluster.redis-url=redis://127.0.0.1:6379", "--pbx.cluster.key-prefix=" + prefix,
                "--pbx.cluster.lease=3s", "--pbx.cluster.renew=1s");
        started.add(server);
        return server;
    }

    TestPhone phone(String ext, int port, Answering answering) throws Exception {
        TestPhone phone = new TestPhone("cl" + ext, DOMAIN, "pw-cl" + ext + "-secret", port).answering(answering);
        started.add(phone);
        return phone;
    }

    static Response register(TestPhone phone) throws Exception {
        return phone.register(300, "SHA-256");
    }

    @Test
    void twoInstancesBehindKamailio(@TempDir Path dir) throws Exception {
        workDir = dir;
        assumeTrue(MariaDbTestDatabase.wanted(), "no MariaDB (set PBX_TEST_MARIADB_URL; .ci/run does)");
        assumeTrue(new File("/usr/sbin/kamailio").canExecute(), "kamailio is not installed (Debian package kamailio)");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
        } catch (Exception e) {
            assumeTrue(false, "no Redis on 127.0.0.1:6379 (.ci/run starts it)");
        }
        String url = MariaDbTestDatabase.freshDatabase("_cluster");
        int sip1 = freeUdpPort();
        int sip2 = freeUdpPort();
        // One after the other: the first migrates the fresh database.
        ServerProcess one = instance(dir.resolve("one"), url, prefix, sip1, "32000-32199");
        ServerProcess two = instance(dir.resolve("two"), url, prefix, sip2, "32200-32399");
        int front = freeUdpPort();
        Path list = dir.resolve("dispatcher.list");
        Files.writeString(list, "1 sip:127.0.0.1:" + sip1 + " 0 0\n1 sip:127.0.0.1:" + sip2 + " 0 0\n");
        kamailio = new ProcessBuilder("/usr/sbin/kamailio", "-DD", "-E", "-f",
                Path.of("../deploy/kamailio/kamailio.cfg").toAbsolutePath().normalize().toString(), "-Y", dir.toString(),
                "-P", dir.resolve("kamailio.pid").toString(), "-A", "LISTEN=udp:127.0.0.1:" + front,
                "-A", "DS_LIST=\"" + list + "\"", "-A", "PROBE_SECS=1", "-A", "FR_MS=1000")
                .redirectErrorStream(true).redirectOutput(dir.resolve("kamailio.log").toFile()).start();

        // A tenant imported on instance one is known on two at once (ClusterChanges).
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(one.uri("/api/tenants"))
                .header("Authorization", ServerProcess.basic("admin", ADMIN)).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(TENANT)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // Bram registers on instance two only; Anna through Kamailio.
        TestPhone bram = phone("202", sip2, Answering.RING);
        // Generous: on a busy machine the change announcement and the first REGISTER take a while.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> register(bram).getStatusCode() == 200);
        // Anna is behind NAT: her Contact names a private address nothing answers on; she is reached
        // only through the Path Kamailio adds to her REGISTER (RFC 3327, with the address it came from).
        TestPhone anna = phone("201", front, Answering.ANSWER).behindNat("10.255.255.1:5060");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> register(anna).getStatusCode() == 200);

        // Instance one finds Bram's registration (made on two) and rings him.
        TestPhone annaOnOne = phone("201", sip1, Answering.ANSWER);
        TestPhone.Call acrossInstances = annaOnOne.call("202");
        TestPhone.Incoming ringing = bram.awaitCall(5);
        assertThat(ringing).as("a call through instance one to a phone registered on two").isNotNull();
        ringing.answer();
        assertThat(acrossInstances.awaitFinal(5).getStatusCode()).isEqualTo(200);
        acrossInstances.ack();
        acrossInstances.hangUp();
        assertThat(bram.byes.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();

        // Through Kamailio: Bram calls Anna (registered through Kamailio), it connects.
        TestPhone bramViaFront = phone("202", front, Answering.RING);
        TestPhone.Call viaFront = bramViaFront.call("201");
        assertThat(viaFront.awaitFinal(10)).as("Anna answers at once").extracting(Response::getStatusCode).isEqualTo(200);
        viaFront.ack();
        viaFront.hangUp();
        assertThat(anna.byes.poll(5, java.util.concurrent.TimeUnit.SECONDS)).as("the BYE reaches Anna through Kamailio")
                .isNotNull();

        // Called straight on either instance (whichever took her REGISTER), Anna is reached over her
        // Path: the INVITE goes through Kamailio (record-routed there), and so do the ACK and the BYE.
        for (int sip : new int[] {sip1, sip2}) {
            anna.incoming.clear();
            anna.acks.clear();
            TestPhone bramDirect = phone("202", sip, Answering.RING);
            TestPhone.Call direct = bramDirect.call("201");
            TestPhone.Incoming atAnna = anna.awaitCall(5);
            assertThat(atAnna.header("Record-Route")).as("instance on port %d: through Kamailio", sip)
                    .contains("127.0.0.1:" + front);
            assertThat(direct.awaitFinal(10)).extracting(Response::getStatusCode).isEqualTo(200);
            direct.ack();
            assertThat(anna.acks.poll(5, java.util.concurrent.TimeUnit.SECONDS)).as("ACK over the route set").isNotNull();
            direct.hangUp();
            assertThat(anna.byes.poll(5, java.util.concurrent.TimeUnit.SECONDS)).as("BYE over the route set").isNotNull();
        }

        // The call-limit extension 560 (limit 2) counts calls on both instances.
        TestPhone annaOnTwo = phone("201", sip2, Answering.ANSWER);
        TestPhone.Call first = annaOnOne.call("560");
        assertThat(bram.awaitCall(5)).isNotNull();
        TestPhone.Call second = annaOnTwo.call("560");
        assertThat(bram.awaitCall(5)).isNotNull();
        assertThat(annaOnOne.call("560").awaitFinal(5).getStatusCode()).as("third call on one").isEqualTo(486);
        assertThat(annaOnTwo.call("560").awaitFinal(5).getStatusCode()).as("third call on two").isEqualTo(486);

        // kill -9 of instance one with its call up: its lease expires (3 s) and frees the extension.
        one.kill();
        long killed = System.nanoTime();
        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(500)).until(() -> {
            TestPhone.Call next = annaOnTwo.call("560");
            Response r = next.awaitFinal(1);
            if (r == null) {
                next.cancel();
                next.awaitFinal(5);
                return true;
            }
            return false;
        });
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("within the lease and a probe")
                .isLessThan(Duration.ofSeconds(8));
        second.cancel();
        assertThat(second.awaitFinal(5).getStatusCode()).isEqualTo(487);

        // New calls through Kamailio go to instance two; Anna's registration is still known.
        for (int i = 0; i < 4; i++) {
            TestPhone.Call again = bramViaFront.call("201");
            assertThat(again.awaitFinal(10)).as("call %d through Kamailio after the kill", i)
                    .extracting(Response::getStatusCode).isEqualTo(200);
            again.ack();
            again.hangUp();
        }
        assertThat(first).isNotNull();
    }
}
