package org.reachpbx.server.security;

import org.reachpbx.directory.access.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * What happens after a login attempt, form or HTTP Basic: a failure is logged (one line, never the
 * password), written to the audit trail ("Login: failed") and counted by {@link LoginThrottle}; a
 * success forgives the failures of that account from that address.
 */
@Component
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final LoginThrottle throttle;
    private final AuditTrail audit;

    public LoginAttempts(LoginThrottle throttle, AuditTrail audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String user = printable(attempt.getName());
        String address = address(attempt);
        log.warn("Login failed for '{}' from {}: {}", user, address, event.getException().getClass().getSimpleName());
        boolean locked = throttle.failed(attempt.getName(), address);
        try {
            audit.record(user.isEmpty() ? "(empty)" : user, null, "Login: failed",
                    "from " + address + (locked ? "; further logins refused for a while" : ""));
        } catch (RuntimeException databaseOut) {
            // The log line above stands; a database outage must not turn a refused login into an error.
            log.debug("Could not audit the failed login", databaseOut);
        }
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        Authentication login = event.getAuthentication();
        throttle.succeeded(login.getName(), address(login));
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }

    /** A user name as it may appear in a log line or the audit trail: no control characters, at most 100. */
    static String printable(String name) {
        String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 100 ? clean : clean.substring(0, 97) + "...";
    }
}
