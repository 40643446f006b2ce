package org.reachpbx.directory.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.directory.model.Persistent;
import org.reachpbx.directory.secrets.EncryptedSecret;

/**
 * A tenant's CRM webhook (CRM-02): where call events go, the secret that signs them (HMAC-SHA256,
 * so it is kept encrypted at rest, never exported or logged) and which event types it wants.
 */
@Entity
@Table(name = "webhook_endpoint")
@Getter
@Setter
public class WebhookEndpoint extends Persistent {

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "url", nullable = false, length = 1000)
    private String url;

    /** Encrypted at rest (docs/security.md); up to 200 characters as given. */
    @Column(name = "secret", nullable = false, length = 1000)
    @Convert(converter = EncryptedSecret.class)
    private String secret;

    /** Event type names separated by commas; empty means every type. */
    @Column(name = "events", nullable = false, length = 200)
    private String events = "";

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "description", length = 255)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    public Set<String> eventSet() {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(events.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(set::add);
        return set;
    }

    public void setEventSet(Set<String> types) {
        this.events = String.join(",", types);
    }

    /** Whether this endpoint wants events of {@code type}. */
    public boolean wants(String type) {
        Set<String> set = eventSet();
        return enabled && (set.isEmpty() || set.contains(type));
    }
}
