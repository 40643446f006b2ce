package org.reachpbx.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reachpbx.directory.access.AuditDiff;
import org.reachpbx.directory.access.AuditTrail;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every successful change made through the REST API in the admin UI's audit trail
 * ({@link AuditTrail}, shown in the Audit view): who (the authenticated principal), when, what (the
 * endpoint's {@link Audited} action) and for which tenant (the {@code /api/tenants/{id}} of the
 * path, or what the endpoint {@linkplain #note noted}). The detail is the endpoint's note, if any,
 * and the request line (method, path, query parameters). Request bodies are never recorded, and a
 * query parameter named like a secret shows as {@code (set)}; a note names no secret either.
 * Refused calls (status 400 and above) change nothing and are not recorded.
 */
@Component
public class ApiAudit implements HandlerInterceptor, WebMvcConfigurer {

    private static final String NOTE = ApiAudit.class.getName() + ".note";
    private static final String TENANT = ApiAudit.class.getName() + ".tenant";
    private static final Pattern TENANT_PATH = Pattern.compile("^/api/tenants/\\{([^}]+)}.*");

    private final AuditTrail audit;

    public ApiAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** Adds what the request line does not tell (e.g. the name of an imported tenant) to the entry of this call. */
    public static void note(String detail) {
        RequestContextHolder.currentRequestAttributes().setAttribute(NOTE, detail, RequestAttributes.SCOPE_REQUEST);
    }

    /** As {@link #note(String)}, for a change to a tenant the path does not name (an import, an outbox message). */
    public static void note(Long tenantId, String detail) {
        note(detail);
        RequestContextHolder.currentRequestAttributes().setAttribute(TENANT, tenantId, RequestAttributes.SCOPE_REQUEST);
    }

    /** A URL as the audit trail may show it: no user info, query or fragment (they may carry credentials). */
    public static String safeUrl(String url) {
        if (url == null) {
            return AuditDiff.NONE;
        }
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || u.getHost() == null) {
                return "(not a URL)";
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                    + (u.getRawPath() == null ? "" : u.getRawPath());
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || ex != null || response.getStatus() >= 400 || !(handler instanceof HandlerMethod h)
                || h.hasMethodAnnotation(NotAudited.class)) {
            return;
        }
        Audited audited = h.getMethodAnnotation(Audited.class);
        // an endpoint nobody marked is still recorded, under its request line
        String action = audited != null ? audited.value() : "API: " + method.name();
        Principal who = request.getUserPrincipal();
        audit.record(who == null ? "anonymous" : who.getName(), tenant(request), action, detail(request));
    }

    private static Long tenant(HttpServletRequest request) {
        if (request.getAttribute(TENANT) instanceof Long noted) {
            return noted;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pattern instanceof String p && vars instanceof Map<?, ?> values) {
            Matcher m = TENANT_PATH.matcher(p);
            if (m.matches() && values.get(m.group(1)) instanceof String id) {
                try {
                    return Long.parseLong(id);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String detail(HttpServletRequest request) {
        StringBuilder line = new StringBuilder(request.getMethod()).append(' ').append(request.getRequestURI()
                .substring(request.getContextPath().length()));
        List<String> params = new ArrayList<>();
        // query parameters only: the form fields of a multipart upload are content, not the request line
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = decoded(pair.split("=", 2)[0]);
                params.add(AuditDiff.isSecret(name) ? name + "=(set)" : decoded(pair));
            }
        }
        if (!params.isEmpty()) {
            line.append('?').append(String.join("&", params));
        }
        return request.getAttribute(NOTE) instanceof String note ? note + " (" + line + ")" : line.toString();
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
