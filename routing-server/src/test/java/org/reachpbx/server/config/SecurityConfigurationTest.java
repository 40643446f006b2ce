package org.reachpbx.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class SecurityConfigurationTest {

    private final SecurityConfiguration config = new SecurityConfiguration();
    private final PasswordEncoder encoder = config.passwordEncoder();

    @Test
    void aServerWithoutAnAdminPasswordDoesNotStart() {
        assertThatThrownBy(() -> config.users("admin", "", encoder, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PBX_ADMIN_PASSWORD");
    }

    @Test
    void theAdminPasswordIsKeptOnlyAsAHash() {
        String hash = config.users("admin", "s3cret-pass", encoder, null).loadUserByUsername("admin").getPassword();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("s3cret-pass");
        assertThat(encoder.matches("s3cret-pass", hash)).isTrue();
    }
}
