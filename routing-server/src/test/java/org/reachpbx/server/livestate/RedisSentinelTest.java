package org.reachpbx.server.livestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reachpbx.server.sip.b2bua.LiveCalls;

/**
 * Redis Sentinel (the production layout of docs/cluster.md): the instances are configured with the
 * sentinels only ({@code pbx.cluster.redis-sentinel-nodes}, {@code -master}); when the primary dies
 * the sentinel promotes the replica and the instances follow it, their call leases published there
 * again by the heartbeat. Runs its own primary, replica and sentinel on free ports.
 */
class RedisSentinelTest {

    static final Duration LEASE = Duration.ofSeconds(3);
    static final String MASTER = "h16";
    final List<Process> processes = new ArrayList<>();
    RedisTestSupport redis;

    @AfterEach
    void stop() throws Exception {
        if (redis != null) {
            redis.close();
        }
        for (Process p : processes) {
            p.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    Process start(int port, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/redis-server"));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(p);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
        return p;
    }

    /** The primary's port as the sentinel tells it now (redis-cli: SENTINEL GET-MASTER-ADDR-BY-NAME). */
    static int primaryPort(int sentinelPort) throws Exception {
        Process cli = new ProcessBuilder("/usr/bin/redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(sentinelPort),
                "sentinel", "get-master-addr-by-name", MASTER).redirectErrorStream(true).start();
        List<String> lines = new String(cli.getInputStream().readAllBytes()).lines().toList();
        cli.waitFor();
        return lines.size() == 2 ? Integer.parseInt(lines.get(1).trim()) : -1;
    }

    @Test
    void theInstancesFollowAFailoverOfThePrimary(@TempDir Path dir) throws Exception {
        assumeTrue(new File("/usr/bin/redis-server").canExecute(),
                "redis-server is not installed (Debian package redis-server; .ci/run installs it)");
        int primary = freePort();
        int replica = freePort();
        int sentinelPort = freePort();
        Process primaryProcess = start(primary, "--port", String.valueOf(primary), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no");
        start(replica, "--port", String.valueOf(replica), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--replicaof", "127.0.0.1", String.valueOf(primary));
        Path conf = dir.resolve("sentinel.conf");
        Files.writeString(conf, String.join("\n", "port " + sentinelPort, "bind 127.0.0.1",
                "sentinel monitor " + MASTER + " 127.0.0.1 " + primary + " 1",
                "sentinel down-after-milliseconds " + MASTER + " 1000",
                "sentinel failover-timeout " + MASTER + " 5000", ""));
        start(sentinelPort, conf.toString(), "--sentinel");

        redis = new RedisTestSupport();
        String nodes = "127.0.0.1:" + sentinelPort;
        RedisTestSupport.Instance a = redis.instance(LEASE, Duration.ofMillis(500), cluster -> {
            cluster.setRedisSentinelNodes(nodes);
            cluster.setRedisSentinelMaster(MASTER);
        });
        LiveCalls onA = new LiveCalls(new RedisCallCounters(a.link(), LEASE));
        LiveCalls.Taken call = onA.take(7);
        call.callLimit("300");
        assertThat(a.link().degraded()).as("the primary found through the sentinel").isFalse();

        // The primary dies; the sentinel promotes the replica (down after 1 s, then the election).
        primaryProcess.destroyForcibly().waitFor();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> primaryPort(sentinelPort) == replica);

        // Instance A follows: after a heartbeat its lease is in the new primary, where B sees it.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            a.link().beat();
            return !a.link().degraded();
        });
        RedisTestSupport.Instance b = redis.instance(LEASE, Duration.ofMillis(500), cluster -> {
            cluster.setRedisSentinelNodes(nodes);
            cluster.setRedisSentinelMaster(MASTER);
        });
        LiveCalls onB = new LiveCalls(new RedisCallCounters(b.link(), LEASE));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> onB.callLimitCalls(7).getOrDefault("300", 0) == 1);
        call.release();
        assertThat(onB.callLimitCalls(7)).as("released in the new primary").isEmpty();
    }
}
