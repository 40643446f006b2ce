package org.reachpbx.server.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403) a state-changing request to the REST API that a browser sent on behalf of another
 * site: one whose {@code Sec-Fetch-Site} is {@code cross-site}, or whose {@code Origin} is not the
 * server itself. The API keeps no session, but a browser in which someone once typed the API's Basic
 * credentials sends them along with every request to the server, also with a hostile page's. Scripts
 * and other machines (curl, a CRM) send neither header and are not affected.
 */
class CrossSiteRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SAFE.contains(request.getMethod()) || !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site")) || foreignOrigin(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"cross-site requests to the API are refused\",\"violations\":[]}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean foreignOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return !(request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port);
        } catch (IllegalArgumentException e) {
            return true; // "null" (a sandboxed page) or garbage: not the server itself
        }
    }
}
