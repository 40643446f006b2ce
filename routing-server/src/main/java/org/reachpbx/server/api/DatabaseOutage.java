package org.reachpbx.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Whether the configuration database is out, as the REST API saw it: one log line when it goes out
 * (not one per request, which would fill the log during an outage) and one when an API request
 * succeeds again. Recovery needs no restart: the connection pool reconnects by itself.
 */
@Component
public class DatabaseOutage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final AtomicBoolean down = new AtomicBoolean();

    /** An API request failed because the database could not be reached. */
    void failed(Throwable cause) {
        if (down.compareAndSet(false, true)) {
            log.error("The configuration database is unreachable; the API answers 503 until it is back: {}",
                    rootMessage(cause));
        }
    }

    public boolean isDown() {
        return down.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (down.get() && response.getStatus() < 500 && response.getStatus() != 401
                && down.compareAndSet(true, false)) {
            log.info("The configuration database is reachable again");
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
