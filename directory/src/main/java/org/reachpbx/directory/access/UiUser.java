package org.reachpbx.directory.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.directory.model.Persistent;

/** A login of the admin UI: name, bcrypt hash of the password, role and (for tenant roles) tenant. */
@Entity
@Table(name = "ui_user")
@Getter
@Setter
public class UiUser extends Persistent {

    @Column(name = "username", nullable = false, unique = true, length = 100)
    private String username;

    /** The encoded password, e.g. {@code {bcrypt}$2a$...}; never the password itself. */
    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private UiRole role;

    @Column(name = "tenant_id")
    private Long tenantId;

    /** For END_USER: the number of the user extension this login belongs to. */
    @Column(name = "extension", length = 5)
    private String extension;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;
}
