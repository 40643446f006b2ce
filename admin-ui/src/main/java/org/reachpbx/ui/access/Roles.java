package org.reachpbx.ui.access;

/** Role names for {@code @RolesAllowed} (the values of {@link org.reachpbx.directory.access.UiRole}). */
public final class Roles {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String ANALYST = "ANALYST";
    public static final String END_USER = "END_USER";
    public static final String RECORDINGS_ACCOUNT = "RECORDINGS_ACCOUNT";
    public static final String RECORDINGS_END_USER = "RECORDINGS_END_USER";

    private Roles() {
    }
}
