package org.reachpbx.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings of item 13 (pbx.security.login.*): defaults, and a bad value stops the start naming it. */
class LoginThrottlePropertiesTest {

    @Configuration
    @EnableConfigurationProperties(LoginThrottleProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaults() {
        context.run(c -> {
            LoginThrottleProperties p = c.getBean(LoginThrottleProperties.class);
            assertThat(p.maxFailures()).isEqualTo(5);
            assertThat(p.maxFailuresPerAddress()).isEqualTo(20);
            assertThat(p.maxFailuresPerAccount()).isEqualTo(50);
            assertThat(p.window()).isEqualTo(Duration.ofMinutes(5));
            assertThat(p.lock()).isEqualTo(Duration.ofMinutes(5));
            assertThat(p.adminAddresses()).isEmpty();
        });
    }

    @Test
    void zeroFailuresStopsTheStartNamingTheSetting() {
        context.withPropertyValues("pbx.security.login.max-failures=0").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("pbx.security.login").hasMessageContaining("maxFailures"));
    }

    @Test
    void aNegativeWindowStopsTheStart() {
        context.withPropertyValues("pbx.security.login.window=-1m").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("pbx.security.login.window must be positive"));
    }

    @Test
    void anAdminAddressThatIsNoAddressStopsTheStart() {
        context.withPropertyValues("pbx.security.login.admin-addresses=10.0.0.0/8,kantoor").run(c -> assertThat(c)
                .hasFailed().getFailure().rootCause().hasMessageContaining("'kantoor' is not an IP address"));
    }
}
