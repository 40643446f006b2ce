package org.reachpbx.directory.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.directory.model.Persistent;

/** One change made through the admin UI: who, when, what (and for which tenant, if any). */
@Entity
@Table(name = "ui_audit_entry")
@Getter
@Setter
public class AuditEntry extends Persistent {

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "username", nullable = false, length = 100)
    private String username;

    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(name = "action", nullable = false, length = 100)
    private String action;

    @Column(name = "detail", length = 2000)
    private String detail;
}
