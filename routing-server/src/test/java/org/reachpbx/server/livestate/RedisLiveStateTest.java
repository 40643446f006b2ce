package org.reachpbx.server.livestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.server.sip.b2bua.LiveCalls;
import org.reachpbx.server.sip.devices.DeviceLogins;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.server.sip.registrar.RegistrationStore.Binding;

/**
 * The live state of two instances sharing the real Redis on 127.0.0.1:6379: what one instance
 * registers, logs in and counts, the other sees; registrations outlive the instance; a dead
 * instance's call leases expire and free the extension.
 */
class RedisLiveStateTest {

    static final String URL = "redis://127.0.0.1:6379";
    static final Duration LEASE = Duration.ofMillis(1500);

    final TestClock clock = new TestClock();
    RedisTestSupport redis;

    @BeforeEach
    void redis() {
        RedisTestSupport.assumeRedis("127.0.0.1", 6379);
        clock.now = Instant.now();
        redis = new RedisTestSupport();
    }

    @AfterEach
    void cleanUp() {
        if (redis != null) {
            redis.close();
        }
    }

    RedisTestSupport.Instance instance() {
        return redis.instance(URL, LEASE, Duration.ofSeconds(2));
    }

    RegistrationStore registrations(RedisTestSupport.Instance i) {
        return new RegistrationStore(clock, new RedisRegistrationState(i.link(), RedisTestSupport.JSON, clock));
    }

    Binding binding(String channel, String contact, int seconds) {
        return new Binding(7, channel, contact, "cid-" + contact, 1, clock.now.plusSeconds(seconds), "127.0.0.21", 5070,
                "TestPhone", null);
    }

    @Test
    void registrationsAreSeenByTheOtherInstanceAndSurviveARestart() {
        RedisTestSupport.Instance a = instance();
        RegistrationStore onA = registrations(a);
        java.util.List<Binding> announced = new java.util.ArrayList<>();
        onA.onRegistered(announced::add);
        onA.bind(binding("jansen", "sip:jansen@127.0.0.31:5062", 60));
        onA.bind(binding("jansen", "sip:jansen@127.0.0.31:5062", 120));
        onA.bind(binding("pietersen", "sip:pietersen@127.0.0.32:5062", 30));
        assertThat(announced).as("a refresh is not a new contact").hasSize(2);

        RegistrationStore onB = registrations(instance());
        long generation = onB.generation();
        assertThat(onB.bindingsOf(7, "jansen")).singleElement().isEqualTo(binding("jansen", "sip:jansen@127.0.0.31:5062", 120));
        assertThat(onB.registeredChannels(7L)).isEqualTo(2);

        a.close();
        RegistrationStore restarted = registrations(instance());
        assertThat(restarted.registered(7, "jansen")).as("kept over a restart of the instance").isTrue();
        assertThat(restarted.registered(7, "pietersen")).isTrue();

        clock.now = clock.now.plusSeconds(31);
        assertThat(restarted.registered(7, "pietersen")).as("expired by the binding's own time").isFalse();
        assertThat(restarted.sweep()).isEqualTo(1);
        assertThat(onB.generation()).as("B's derived state learns of the change").isNotEqualTo(generation);
        assertThat(onB.registeredChannels(7L)).isEqualTo(1);
        onB.unbindAll(7, "jansen");
        assertThat(restarted.registered(7, "jansen")).isFalse();
        assertThat(restarted.sweep()).isZero();
    }

    @Test
    void deviceLoginsAreShared() {
        DeviceLogins onA = new DeviceLogins(new RedisLoginState(instance().link(), RedisTestSupport.JSON));
        DeviceLogins onB = new DeviceLogins(new RedisLoginState(instance().link(), RedisTestSupport.JSON));
        long generation = onB.generation();
        onA.logIn(7, "jansen", "flex-1", "127.0.0.31");
        onA.logIn(7, "jansen", "flex-2", null);
        assertThat(onB.userOn(7, "flex-1")).isEqualTo("jansen");
        assertThat(onB.loginAddress(7, "flex-1")).isEqualTo("127.0.0.31");
        assertThat(onB.loginAddress(7, "flex-2")).isNull();
        assertThat(onB.channelsOf(7, "jansen")).containsExactlyInAnyOrder("flex-1", "flex-2");
        assertThat(onB.generation()).isNotEqualTo(generation);
        onB.logOutEverywhere(7, "jansen");
        assertThat(onA.userOn(7, "flex-1")).isNull();
        assertThat(onA.channelsOf(7, "jansen")).isEmpty();
    }

    @Test
    void callCountsAreSharedAndReleasedExactlyOnce() {
        LiveCalls onA = new LiveCalls(new RedisCallCounters(instance().link(), LEASE));
        LiveCalls onB = new LiveCalls(new RedisCallCounters(instance().link(), LEASE));
        LiveCalls.Taken first = onA.take(7);
        first.callLimit("200");
        first.external("jansen");
        first.channel("jansen-desk");
        LiveCalls.Taken second = onB.take(7);
        second.callLimit("200");
        assertThat(onA.callLimitCalls(7)).containsEntry("200", 2);
        assertThat(onB.externalCalls(7, "jansen")).isEqualTo(1);
        assertThat(onB.channelCalls(7, "jansen-desk")).isEqualTo(1);

        first.release();
        first.release();
        first.callLimit("200");
        assertThat(onB.callLimitCalls(7)).as("released once, nothing taken after release").containsEntry("200", 1);
        assertThat(onB.externalCalls(7, "jansen")).isZero();
        second.release();
        assertThat(onA.callLimitCalls(7)).isEmpty();
    }

    @Test
    void leasesAreRenewedWhileTheInstanceLivesAndExpireWhenItDies() throws Exception {
        RedisTestSupport.Instance a = instance();
        LiveCalls onA = new LiveCalls(new RedisCallCounters(a.link(), LEASE));
        LiveCalls onB = new LiveCalls(new RedisCallCounters(instance().link(), LEASE));
        LiveCalls.Taken call = onA.take(7);
        call.callLimit("200");
        // Several lease times: only the renewals keep the count.
        Thread.sleep(LEASE.toMillis() * 2);
        assertThat(onB.callLimitCalls(7)).containsEntry("200", 1);

        Instant died = Instant.now();
        a.close();
        await().atMost(LEASE.multipliedBy(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> onB.callLimitCalls(7).isEmpty());
        assertThat(Duration.between(died, Instant.now())).as("freed after about the lease time, not later")
                .isLessThan(LEASE.multipliedBy(2));
    }
}
