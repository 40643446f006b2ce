package org.reachpbx.integrations.crm;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.reachpbx.directory.integrations.WebhookEndpoint;
import org.reachpbx.directory.integrations.WebhookEndpointRepository;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.integrations.InvalidInputException;
import org.reachpbx.integrations.NoSuchResourceException;
import org.reachpbx.integrations.events.CallEventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's CRM webhook endpoints: create, read, change, remove, each checked before it is stored. */
@Service
public class WebhookEndpoints {

    /** What an admin gives: {@code secret} null on a change keeps the stored one. */
    public record Settings(String url, String secret, java.util.Collection<String> events, Boolean enabled,
                           String description) {
    }

    static final int MIN_SECRET = 16;

    /** Published on every change, so publishers that remember who listens look again after the commit. */
    public record Changed(long tenantId) {
    }

    private final WebhookEndpointRepository endpoints;
    private final TenantRepository tenants;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    public WebhookEndpoints(WebhookEndpointRepository endpoints, TenantRepository tenants, Clock clock,
                            org.springframework.context.ApplicationEventPublisher events) {
        this.endpoints = endpoints;
        this.tenants = tenants;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> list(long tenantId) {
        requireTenant(tenantId);
        return endpoints.findByTenantIdOrderByIdAsc(tenantId);
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint get(long tenantId, long id) {
        requireTenant(tenantId);
        return endpoints.findByIdAndTenantId(id, tenantId)
                .orElseThrow(() -> new NoSuchResourceException("tenant " + tenantId + " has no webhook endpoint " + id));
    }

    @Transactional
    public WebhookEndpoint create(long tenantId, Settings s) {
        requireTenant(tenantId);
        if (s.secret() == null) {
            throw new InvalidInputException("secret is required: at least " + MIN_SECRET + " characters");
        }
        WebhookEndpoint e = new WebhookEndpoint();
        e.setTenantId(tenantId);
        e.setCreatedAt(clock.instant());
        apply(e, s);
        events.publishEvent(new Changed(tenantId));
        return endpoints.save(e);
    }

    @Transactional
    public WebhookEndpoint update(long tenantId, long id, Settings s) {
        WebhookEndpoint e = get(tenantId, id);
        apply(e, s);
        events.publishEvent(new Changed(tenantId));
        return e;
    }

    @Transactional
    public void delete(long tenantId, long id) {
        endpoints.delete(get(tenantId, id));
        events.publishEvent(new Changed(tenantId));
    }

    private static void apply(WebhookEndpoint e, Settings s) {
        e.setUrl(url(s.url()));
        if (s.secret() != null) {
            if (s.secret().length() < MIN_SECRET || s.secret().length() > 200) {
                throw new InvalidInputException("secret must have " + MIN_SECRET + " to 200 characters");
            }
            e.setSecret(s.secret());
        }
        e.setEventSet(events(s.events()));
        e.setEnabled(s.enabled() == null || s.enabled());
        if (s.description() != null && s.description().length() > 255) {
            throw new InvalidInputException("description must have at most 255 characters");
        }
        e.setDescription(s.description());
    }

    private static String url(String url) {
        try {
            URI uri = url == null ? null : URI.create(url.strip());
            if (uri == null || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new InvalidInputException("url must be an absolute http:// or https:// URL");
            }
            if (url.length() > 1000) {
                throw new InvalidInputException("url must have at most 1000 characters");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url is not a valid URL: " + e.getMessage());
        }
    }

    private static Set<String> events(java.util.Collection<String> events) {
        Set<String> known = Arrays.stream(CallEventType.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> result = new LinkedHashSet<>();
        for (String e : events == null ? Set.<String>of() : events) {
            String name = e == null ? "" : e.strip().toUpperCase();
            if (!known.contains(name)) {
                throw new InvalidInputException("unknown event type '" + e + "'; the types are "
                        + Arrays.toString(CallEventType.values()));
            }
            result.add(name);
        }
        return result;
    }

    private void requireTenant(long tenantId) {
        if (!tenants.existsById(tenantId)) {
            throw new NoSuchResourceException("no tenant " + tenantId);
        }
    }
}
