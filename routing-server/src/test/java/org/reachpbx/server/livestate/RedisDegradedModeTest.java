package org.reachpbx.server.livestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.b2bua.LiveCalls;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.server.sip.registrar.RegistrationStore.Binding;

/**
 * Redis stopped while calls are up (docs/cluster.md, degraded mode): the instance keeps counting its
 * own calls and registrations locally and keeps answering, and when Redis is back (here empty, as
 * after a restart without persistence) it publishes them again so the other instances see them.
 * Runs its own redis-server on a free port, so that stopping it disturbs nobody.
 */
class RedisDegradedModeTest {

    static final Duration LEASE = Duration.ofMillis(900);
    final TestClock clock = new TestClock();
    int port;
    Process server;
    RedisTestSupport redis;

    @BeforeEach
    void startRedis() throws Exception {
        assumeTrue(new File("/usr/bin/redis-server").canExecute(),
                "redis-server is not installed (Debian package redis-server; .ci/run installs it)");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        start();
        redis = new RedisTestSupport();
    }

    void start() throws Exception {
        server = new ProcessBuilder(List.of("/usr/bin/redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            }
        });
    }

    @AfterEach
    void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
        if (server != null) {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void localCountersWhileRedisIsDownAndRepublishedWhenItIsBack() throws Exception {
        RedisTestSupport.Instance a = redis.instance("redis://127.0.0.1:" + port, LEASE, Duration.ofMillis(300));
        LiveCalls onA = new LiveCalls(new RedisCallCounters(a.link(), LEASE));
        RegistrationStore registrationsA = new RegistrationStore(clock,
                new RedisRegistrationState(a.link(), RedisTestSupport.JSON, clock));
        LiveCalls.Taken before = onA.take(7);
        before.callLimit("200");
        registrationsA.bind(new Binding(7, "jansen", "sip:jansen@127.0.0.31:5062", "c1", 1, clock.now.plusSeconds(60),
                "127.0.0.31"));

        server.destroyForcibly().waitFor();
        LiveCalls.Taken during = onA.take(7);
        during.callLimit("200");
        assertThat(a.link().degraded()).isTrue();
        assertThat(onA.callLimitCalls(7)).as("this instance's own calls, counted locally").containsEntry("200", 2);
        registrationsA.bind(new Binding(7, "pietersen", "sip:pietersen@127.0.0.32:5062", "c2", 1,
                clock.now.plusSeconds(60), "127.0.0.32"));
        assertThat(registrationsA.registered(7, "jansen")).isTrue();
        assertThat(registrationsA.registered(7, "pietersen")).isTrue();
        long t0 = System.nanoTime();
        assertThat(onA.callLimitCalls(7)).containsEntry("200", 2);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("degraded mode does not wait for Redis")
                .isLessThan(Duration.ofMillis(100));
        during.release();
        assertThat(onA.callLimitCalls(7)).containsEntry("200", 1);

        start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            a.link().beat();
            return !a.link().degraded();
        });
        RedisTestSupport.Instance b = redis.instance("redis://127.0.0.1:" + port, LEASE, Duration.ofMillis(300));
        LiveCalls onB = new LiveCalls(new RedisCallCounters(b.link(), LEASE));
        RegistrationStore registrationsB = new RegistrationStore(clock,
                new RedisRegistrationState(b.link(), RedisTestSupport.JSON, clock));
        assertThat(onB.callLimitCalls(7)).as("the call still up is counted for the cluster again").containsEntry("200", 1);
        assertThat(registrationsB.registered(7, "jansen")).isTrue();
        assertThat(registrationsB.registered(7, "pietersen")).as("registered during the outage").isTrue();
        before.release();
        assertThat(onB.callLimitCalls(7)).isEmpty();
    }
}
