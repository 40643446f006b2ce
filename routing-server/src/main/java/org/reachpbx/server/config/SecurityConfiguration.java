package org.reachpbx.server.config;

import org.reachpbx.directory.access.UiUsers;
import org.reachpbx.server.security.LoginThrottle;
import org.reachpbx.server.security.LoginThrottleFilter;
import org.reachpbx.server.security.LoginThrottleProperties;
import org.reachpbx.ui.access.PbxUserDetailsService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Access to the server's web side, for everything outside the admin UI (which
 * {@link UiSecurityConfiguration} protects with a login form). Health is public (load balancers
 * probe it; its details only for the platform admin); the REST API takes HTTP Basic and the
 * PLATFORM_ADMIN role (the own tenant's call recordings, {@code /api/recordings}, also the recording
 * roles and tenant admins), statelessly: no session, no cookie. Users are the platform
 * admin from configuration ({@code pbx.admin.*}, its password kept only as a hash in memory) and
 * the admin UI's users in the database.
 */
@Configuration
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class SecurityConfiguration {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(@Value("${pbx.admin.username}") String username,
                             @Value("${pbx.admin.password:}") String password, PasswordEncoder encoder,
                             UiUsers uiUsers) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("pbx.admin.password is not set: give the platform admin a password"
                    + " with the environment variable PBX_ADMIN_PASSWORD");
        }
        return new PbxUserDetailsService(username, encoder.encode(password), uiUsers);
    }

    /** Everything but the admin UI: checked before Vaadin's chain, which takes the rest. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.securityMatcher(request -> !UiSecurityConfiguration.isUiPath(request.getRequestURI()
                        .substring(request.getContextPath().length())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        // REC-03/04: a tenant's own recordings, for its recording roles (decided per recording in RecordingLibrary)
                        .requestMatchers("/api/recordings", "/api/recordings/**")
                        .hasAnyRole("RECORDINGS_ACCOUNT", "RECORDINGS_END_USER", "TENANT_ADMIN")
                        .requestMatchers("/api/**", "/actuator/prometheus").hasRole(PLATFORM_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // The REST API is for machines with HTTP Basic credentials, not browser sessions: no
                // session is created here and none is read, so the admin UI's session cookie, which a
                // browser would send along with a hostile page's request, authenticates nothing.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                // Without a session there is no cookie to forge a request with; a browser that cached
                // Basic credentials is stopped by CrossSiteRequests (docs/security.md).
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .addFilterBefore(new CrossSiteRequests(), BasicAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, UiSecurityConfiguration.LOGIN),
                        BasicAuthenticationFilter.class);
        return http.build();
    }
}
