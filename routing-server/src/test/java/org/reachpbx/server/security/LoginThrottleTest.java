package org.reachpbx.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15, item 13: who is locked out after failed logins, and when it ends (no real waiting). */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(5, 20, 50, Duration.ofMinutes(5), Duration.ofMinutes(5), List.of("10.0.0.0/8")),
            clock, "admin");

    @Test
    void fiftyWrongPasswordsLockTheAccountForThatAddressButNotForAnother() {
        for (int i = 0; i < 50; i++) {
            if (throttle.lockedFor("analyst", "203.0.113.9").isEmpty()) {
                throttle.failed("analyst", "203.0.113.9");
            }
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(throttle.lockedFor("analyst", "203.0.113.9")).hasValueSatisfying(d ->
                assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)));
        assertThat(throttle.lockedFor("analyst", "198.51.100.7")).as("the right password from elsewhere").isEmpty();
        assertThat(throttle.lockedFor("tenantadmin", "203.0.113.9")).as("another account from that address").isEmpty();
    }

    @Test
    void afterTheLockItWorksAgain() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("analyst", "203.0.113.9");
        }
        assertThat(throttle.lockedFor("analyst", "203.0.113.9")).isPresent();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(throttle.lockedFor("analyst", "203.0.113.9")).isEmpty();
    }

    @Test
    void fewerFailuresThanTheLimitLockNothingAndOldOnesExpire() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("analyst", "203.0.113.9");
        }
        assertThat(throttle.lockedFor("analyst", "203.0.113.9")).isEmpty();
        clock.advance(Duration.ofMinutes(6));
        throttle.failed("analyst", "203.0.113.9");
        assertThat(throttle.lockedFor("analyst", "203.0.113.9")).as("the first four are outside the window").isEmpty();
    }

    @Test
    void aSuccessForgivesTheFailuresOfThatAccountFromThatAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("analyst", "203.0.113.9");
        }
        throttle.succeeded("analyst", "203.0.113.9");
        throttle.failed("analyst", "203.0.113.9");
        assertThat(throttle.lockedFor("analyst", "203.0.113.9")).isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsLocked() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "203.0.113.9");
        }
        assertThat(throttle.lockedFor("someone-else", "203.0.113.9")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "198.51.100.7")).isEmpty();
    }

    @Test
    void anAccountAttackedFromManyAddressesIsLockedEverywhereExceptThePlatformAdmin() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("analyst", "203.0.113." + i);
            throttle.failed("admin", "203.0.113." + i);
        }
        assertThat(throttle.lockedFor("analyst", "198.51.100.7")).isPresent();
        assertThat(throttle.lockedFor("admin", "198.51.100.7")).as("the platform admin is locked per address only")
                .isEmpty();
    }

    @Test
    void thePlatformAdminIsNeverLockedFromAnAdminAddress() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("admin", "10.1.2.3");
        }
        assertThat(throttle.lockedFor("admin", "10.1.2.3")).isEmpty();
        assertThat(throttle.lockedFor("analyst", "10.1.2.3")).as("others from there are").isPresent();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

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
    }
}
