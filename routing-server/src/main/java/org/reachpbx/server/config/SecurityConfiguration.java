package org.reachpbx.server.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Access to the server's web side. Health is public (load balancers probe it); everything else
 * needs a login. Until the admin UI brings its user store and roles, there is one platform admin
 * whose password comes from configuration and is kept only as a hash in memory.
 */
@Configuration
public class SecurityConfiguration {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(@Value("${pbx.admin.username}") String username,
                             @Value("${pbx.admin.password:}") String password, PasswordEncoder encoder) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("pbx.admin.password is not set: give the platform admin a password"
                    + " with the environment variable PBX_ADMIN_PASSWORD");
        }
        return new InMemoryUserDetailsManager(User.withUsername(username).password(encoder.encode(password))
                .roles(PLATFORM_ADMIN).build());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/api/**").hasRole(PLATFORM_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // The REST API is for machines with HTTP Basic credentials, not browser sessions.
                // Vaadin protects its own requests with its CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/ui/**"));
        return http.build();
    }
}
