package org.reachpbx.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt that {@link LoginThrottle} has locked out, before the password is checked
 * (so a locked-out attacker learns nothing and costs no bcrypt): HTTP Basic gets 429 with
 * {@code Retry-After}; the login form is sent back to the login page with {@code ?locked}, which
 * shows a message. Goes into both security chains, in front of their authentication filters.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final String loginPath;

    public LoginThrottleFilter(LoginThrottle throttle, String loginPath) {
        this.throttle = throttle;
        this.loginPath = loginPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String basicUser = basicUser(request);
        boolean form = basicUser == null && "POST".equals(request.getMethod())
                && loginPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
        String user = form ? request.getParameter("username") : basicUser;
        if (user != null) {
            Optional<Duration> locked = throttle.lockedFor(user, request.getRemoteAddr());
            if (locked.isPresent()) {
                long seconds = Math.max(1, locked.get().toSeconds());
                if (form) {
                    response.sendRedirect(request.getContextPath() + loginPath + "?locked");
                } else {
                    response.setStatus(429);
                    response.setHeader("Retry-After", String.valueOf(seconds));
                    response.setContentType("application/json");
                    response.getWriter().write("{\"error\":\"too many failed logins: try again in " + seconds
                            + " s\",\"violations\":[]}");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
