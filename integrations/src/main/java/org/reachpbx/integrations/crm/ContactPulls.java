package org.reachpbx.integrations.crm;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reachpbx.directory.integrations.ContactPullSource;
import org.reachpbx.directory.integrations.ContactPullSourceRepository;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.integrations.IntegrationsProperties;
import org.reachpbx.integrations.InvalidInputException;
import org.reachpbx.integrations.NoSuchResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The per-tenant contact pull: its configuration, which pulls are due, and the outcome of each. */
@Service
public class ContactPulls {

    private static final Logger log = LoggerFactory.getLogger(ContactPulls.class);

    /** A due pull, for the route. */
    public record Task(long tenantId, String url, String authorization) {
    }

    /** The configuration an admin gives; {@code authorization} null keeps the stored value. */
    public record Settings(String url, String authorization, Integer intervalSeconds, Boolean enabled) {
    }

    private final ContactPullSourceRepository sources;
    private final TenantRepository tenants;
    private final ContactSync sync;
    private final IntegrationsProperties properties;
    private final Clock clock;

    public ContactPulls(ContactPullSourceRepository sources, TenantRepository tenants, ContactSync sync,
                        IntegrationsProperties properties, Clock clock) {
        this.sources = sources;
        this.tenants = tenants;
        this.sync = sync;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ContactPullSource get(long tenantId) {
        requireTenant(tenantId);
        return sources.findByTenantId(tenantId)
                .orElseThrow(() -> new NoSuchResourceException("tenant " + tenantId + " has no contact pull configured"));
    }

    @Transactional
    public ContactPullSource configure(long tenantId, Settings s) {
        requireTenant(tenantId);
        ContactPullSource source = sources.findByTenantId(tenantId).orElseGet(() -> {
            ContactPullSource created = new ContactPullSource();
            created.setTenantId(tenantId);
            return created;
        });
        URI uri;
        try {
            uri = s.url() == null ? null : URI.create(s.url().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url is not a valid URL: " + e.getMessage());
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new InvalidInputException("url must be an absolute http:// or https:// URL");
        }
        long minimum = properties.getContactPull().getMinimumInterval().toSeconds();
        if (s.intervalSeconds() == null || s.intervalSeconds() < minimum) {
            throw new InvalidInputException("intervalSeconds must be at least " + minimum);
        }
        source.setUrl(uri.toString());
        if (s.authorization() != null) {
            source.setAuthorization(s.authorization().isBlank() ? null : s.authorization());
        }
        source.setIntervalSeconds(s.intervalSeconds());
        source.setEnabled(s.enabled() != null && s.enabled());
        return sources.save(source);
    }

    @Transactional
    public void remove(long tenantId) {
        sources.delete(get(tenantId));
    }

    /** The pulls whose interval has passed since their last attempt. */
    @Transactional(readOnly = true)
    public List<Task> due() {
        Instant now = clock.instant();
        return sources.findByEnabledTrue().stream()
                .filter(s -> s.getLastPullAt() == null || !s.getLastPullAt().plusSeconds(s.getIntervalSeconds()).isAfter(now))
                .map(s -> new Task(s.getTenantId(), s.getUrl(), s.getAuthorization())).toList();
    }

    /** Applies a pulled document: every listed class at once, or none. */
    @Transactional
    public void apply(long tenantId, ContactDocument document) {
        Map<ContactSync.ClassKey, List<ContactSync.CrmContact>> classes = new LinkedHashMap<>();
        if (document != null && document.callClasses() != null) {
            for (ContactDocument.ClassContacts c : document.callClasses()) {
                if (c.user() == null || c.callClass() == null) {
                    throw new InvalidInputException("every entry of callClasses needs user and callClass");
                }
                classes.put(new ContactSync.ClassKey(c.user(), c.callClass()), c.contacts());
            }
        }
        int contacts = classes.values().stream().mapToInt(l -> l == null ? 0 : l.size()).sum();
        if (!classes.isEmpty()) {
            sync.replaceAll(tenantId, classes);
        }
        record(tenantId, "OK: " + classes.size() + " call class(es), " + contacts + " contact(s)");
    }

    /** A pull that failed: logged and kept as the last result; the next interval tries again. */
    @Transactional
    public void failed(long tenantId, Throwable cause) {
        String reason = cause instanceof InvalidConfigurationException invalid
                ? "the contacts would make the configuration invalid: " + invalid.getViolations()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        log.warn("Contact pull of tenant {} failed: {}", tenantId, reason);
        record(tenantId, "FAILED: " + reason);
    }

    private void record(long tenantId, String result) {
        sources.findByTenantId(tenantId).ifPresent(s -> {
            s.setLastPullAt(clock.instant());
            s.setLastResult(result.length() > 1000 ? result.substring(0, 1000) : result);
        });
    }

    private void requireTenant(long tenantId) {
        if (!tenants.existsById(tenantId)) {
            throw new NoSuchResourceException("no tenant " + tenantId);
        }
    }
}
