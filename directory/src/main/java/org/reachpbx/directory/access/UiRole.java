package org.reachpbx.directory.access;

/** What a user of the admin UI may do. Tenant roles belong to one tenant. */
public enum UiRole {
    /** Everything, for all tenants. */
    PLATFORM_ADMIN(false),
    /** Everything of one tenant. */
    TENANT_ADMIN(true),
    /** Analyst tables and the routing simulator; read-only elsewhere. */
    ANALYST(false),
    /** The own REACH and voicemail of the user extension the login is linked to ({@link UiUser#getExtension()}). */
    END_USER(true),
    /** "Call recordings (account)" (REC-03): lists, plays, downloads and deletes all call recordings of one tenant. */
    RECORDINGS_ACCOUNT(true),
    /** "Call recordings (end user)" (REC-04): only the recordings of the own user extension, as a ZIP; deletes nothing. */
    RECORDINGS_END_USER(true);

    private final boolean tenantBound;

    UiRole(boolean tenantBound) {
        this.tenantBound = tenantBound;
    }

    /** Whether a login with this role belongs to one user extension ({@link UiUser#getExtension()}). */
    public boolean ownExtension() {
        return this == END_USER || this == RECORDINGS_END_USER;
    }

    /** Whether a user with this role must belong to a tenant. */
    public boolean tenantBound() {
        return tenantBound;
    }
}
