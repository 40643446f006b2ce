package org.reachpbx.directory.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.directory.model.Persistent;
import org.reachpbx.directory.secrets.EncryptedSecret;

/**
 * Where a tenant's CRM offers its contacts for a periodic pull (off unless configured): the URL,
 * an optional Authorization header value (encrypted at rest, never exported or logged) and how often.
 */
@Entity
@Table(name = "contact_pull_source")
@Getter
@Setter
public class ContactPullSource extends Persistent {

    @Column(name = "tenant_id", nullable = false, unique = true)
    private long tenantId;

    @Column(name = "url", nullable = false, length = 1000)
    private String url;

    /** Encrypted at rest (docs/security.md). */
    @Column(name = "authorization_header", length = 2000)
    @Convert(converter = EncryptedSecret.class)
    private String authorization;

    @Column(name = "interval_seconds", nullable = false)
    private int intervalSeconds;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "last_pull_at")
    private Instant lastPullAt;

    @Column(name = "last_result", length = 1000)
    private String lastResult;
}
