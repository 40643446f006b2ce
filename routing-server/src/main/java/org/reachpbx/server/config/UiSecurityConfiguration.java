package org.reachpbx.server.config;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.reachpbx.server.security.LoginThrottle;
import org.reachpbx.server.security.LoginThrottleFilter;
import org.reachpbx.ui.LoginView;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin UI below {@code /ui}: a login form at {@code /ui/login} (session cookie, CSRF token), and each view
 * open only to the roles its {@code @RolesAllowed} names. HTTP Basic is accepted as well, so that
 * scripts and the platform admin's API credentials can fetch UI pages too.
 */
@Configuration
@SuppressWarnings("deprecation") // VaadinWebSecurity: its successor VaadinSecurityConfigurer is new in 24.9
public class UiSecurityConfiguration extends VaadinWebSecurity {

    static boolean isUiPath(String path) {
        return path.equals("/ui") || path.startsWith("/ui/");
    }

    static final String LOGIN = "/ui/login";

    private final LoginThrottle throttle;

    UiSecurityConfiguration(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.httpBasic(Customizer.withDefaults());
        super.configure(http);
        setLoginView(http, LoginView.class);
        // setLoginView exempts the login POST from Spring's CSRF check, which would let another site
        // log a browser in to an account of its choosing. Vaadin's login form sends the token (from the
        // page's _csrf meta tag), so it is checked here after all.
        http.addFilterBefore(new LoginCsrfFilter(), UsernamePasswordAuthenticationFilter.class);
        // Locked-out logins (form and Basic) are refused before any password is checked.
        http.addFilterBefore(new LoginThrottleFilter(throttle, LOGIN), UsernamePasswordAuthenticationFilter.class);
    }

    /**
     * Spring's CSRF check for the login form's POST only, on the same session-held token the rest of
     * the UI chain uses. Its {@link CsrfFilter} has a name of its own, or it would be skipped as
     * "already filtered" after the chain's CsrfFilter.
     */
    static final class LoginCsrfFilter extends OncePerRequestFilter {
        private final RequestMatcher loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN);
        private final CsrfFilter check = new CsrfFilter(new HttpSessionCsrfTokenRepository());

        LoginCsrfFilter() {
            check.setBeanName("loginCsrfFilter");
            // Answered here: an error dispatch would end in the API chain's 401.
            check.setAccessDeniedHandler((request, response, denied) -> {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("The login form has expired: reload the page and log in again.");
            });
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !loginPost.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            check.doFilter(request, response, chain);
        }
    }
}
