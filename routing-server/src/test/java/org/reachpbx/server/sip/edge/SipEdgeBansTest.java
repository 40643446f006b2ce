package org.reachpbx.server.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The edge's limits and bans against a clock the test moves (issue 15, item 7), and its settings:
 * a bad value stops the start with a message naming the property.
 */
class SipEdgeBansTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final TestClock clock = new TestClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    SipEdge edge(EdgeProperties properties, List<String> trunks) {
        return new SipEdge(properties, clock, meters, trunks);
    }

    static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void tenFailedAuthenticationsBanForFifteenMinutesThenTheBanExpires() throws Exception {
        SipEdge edge = edge(EdgeProperties.defaults(), List.of());
        for (int i = 0; i < 9; i++) {
            edge.authenticationFailed("198.51.100.7");
        }
        assertThat(edge.banned(ip("198.51.100.7"))).isFalse();
        edge.authenticationFailed("198.51.100.7");
        assertThat(edge.banned(ip("198.51.100.7"))).isTrue();
        assertThat(edge.admit(ip("198.51.100.7"))).isFalse();
        assertThat(edge.admit(ip("198.51.100.8"))).as("another address").isTrue();

        clock.advance(Duration.ofMinutes(14));
        assertThat(edge.banned(ip("198.51.100.7"))).isTrue();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(edge.banned(ip("198.51.100.7"))).isFalse();
        assertThat(edge.admit(ip("198.51.100.7"))).isTrue();
        assertThat(edge.bans()).isEmpty();
        assertThat(meters.counter("pbx.sip.edge.bans").count()).isEqualTo(1);
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotBan() throws Exception {
        SipEdge edge = edge(EdgeProperties.defaults(), List.of());
        for (int i = 0; i < 30; i++) {
            edge.authenticationFailed("198.51.100.9");
            clock.advance(Duration.ofMinutes(2)); // 5 per 10 minutes at most
        }
        assertThat(edge.banned(ip("198.51.100.9"))).isFalse();
    }

    @Test
    void theTokenBucketAllowsTheBurstThenTheRate() throws Exception {
        SipEdge edge = edge(EdgeProperties.defaults(), List.of());
        InetAddress source = ip("203.0.113.5");
        for (int i = 0; i < 200; i++) {
            assertThat(edge.admit(source)).isTrue();
        }
        assertThat(edge.admit(source)).isFalse();
        clock.advance(Duration.ofMillis(100)); // 100/s: ten more
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            admitted += edge.admit(source) ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(10);
        assertThat(edge.counter("dropped.rate-limited")).isEqualTo(11);
    }

    @Test
    void theAllowlistAndTrunksAreNeverLimitedOrBanned() throws Exception {
        EdgeProperties p = new EdgeProperties(true, 1, 1, 1, Duration.ofSeconds(10), 1, Duration.ofMinutes(10),
                Duration.ofMinutes(15), List.of("10.1.0.0/16"), 1000, Duration.ofSeconds(10), null);
        SipEdge edge = edge(p, List.of("192.0.2.50"));
        for (int i = 0; i < 100; i++) {
            assertThat(edge.admit(ip("10.1.2.3"))).isTrue();
            assertThat(edge.admit(ip("192.0.2.50"))).isTrue();
        }
        edge.authenticationFailed("192.0.2.50");
        assertThat(edge.banned(ip("192.0.2.50"))).isFalse();
        edge.admit(ip("10.2.0.1"));
        edge.admit(ip("10.2.0.1"));
        assertThat(edge.banned(ip("10.2.0.1"))).as("over the rate, not allowlisted: banned").isTrue();
    }

    @Configuration
    @EnableConfigurationProperties(EdgeProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void theDefaultsBindAndABadValueStopsTheStart() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);
        runner.run(context -> assertThat(context.getBean(EdgeProperties.class)).isEqualTo(EdgeProperties.defaults()));
        runner.withPropertyValues("pbx.sip.edge.requests-per-second=0").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("pbx.sip.edge.requests-per-second must be positive"));
        runner.withPropertyValues("pbx.sip.edge.allowlist=10.0.0.0/33").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("pbx.sip.edge.allowlist"));
        runner.withPropertyValues("pbx.sip.edge.tcp.idle-timeout=0s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("pbx.sip.edge.tcp.idle-timeout"));
    }

    @Test
    void reasonsAndLogLinesCarryNoJavaObjectIds() {
        assertThat(RateLimitedLog.clean("Bad header [C@6148cb29 in gov.nist.javax.sip.header.To@1a2b3c4d"))
                .isEqualTo("Bad header ... in ...");
        assertThat(RateLimitedLog.clean("sip:bob@cafe.example")).isEqualTo("sip:bob@cafe.example");
        // what the stack logs for one bad datagram: its whole 64 KB buffer in decimal
        assertThat(StackLogGuard.shorten("Error while processing incoming UDP packet" + java.util.Arrays.toString(new byte[65536])))
                .isEqualTo("Error while processing incoming UDP packet[bytes]");
        assertThat(RateLimitedLog.clean("a.".repeat(40_000) + "b@1234abcd")).hasSizeLessThan(200);
        assertThatThrownBy(() -> new EdgeProperties(true, 1, 1, 1, Duration.ZERO, 1, Duration.ofMinutes(1),
                Duration.ofMinutes(1), List.of(), 1, Duration.ofSeconds(1), null))
                .hasMessageContaining("pbx.sip.edge.flood-window");
    }
}
