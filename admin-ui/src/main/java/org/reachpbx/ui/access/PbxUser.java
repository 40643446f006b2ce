package org.reachpbx.ui.access;

import java.util.List;
import org.reachpbx.directory.access.UiRole;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in user: Spring Security's user plus the role and, for tenant roles, the tenant. */
public class PbxUser extends User {

    private final UiRole role;
    private final Long tenantId;
    private final String extension;

    public PbxUser(String username, String passwordHash, boolean enabled, UiRole role, Long tenantId) {
        this(username, passwordHash, enabled, role, tenantId, null);
    }

    public PbxUser(String username, String passwordHash, boolean enabled, UiRole role, Long tenantId,
                   String extension) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.role = role;
        this.tenantId = tenantId;
        this.extension = extension;
    }

    /** For END_USER: the number of the own user extension; null otherwise. */
    public String extension() {
        return extension;
    }

    public UiRole role() {
        return role;
    }

    /** The tenant of a tenant role; null for platform admins and analysts. */
    public Long tenantId() {
        return tenantId;
    }

    /** Whether this user may see (and, by role, change) the tenant with this id. */
    public boolean seesTenant(long id) {
        return !role.tenantBound() || tenantId == id;
    }
}
