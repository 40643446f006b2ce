package org.reachpbx.server.demo;

import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.access.UiUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The admin UI logins of the demo (README "Admin UI logins"): a tenant admin of the demo tenant,
 * an analyst and an end user (201). Created once, when missing; a changed password is left alone.
 */
@Component
public class DemoUsers {

    static final String TENANT_ADMIN = "tenantadmin";
    static final String ANALYST = "analyst";
    /** An END_USER: the demo's first user, 201 Dhr. Jansen. */
    static final String END_USER = "piet";
    static final String END_USER_EXTENSION = "201";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UiUsers users;
    private final PasswordEncoder encoder;

    public DemoUsers(UiUsers users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    void ensure(long demoTenantId) {
        boolean created = users.createIfAbsent(TENANT_ADMIN, "demo-tenant", UiRole.TENANT_ADMIN, demoTenantId, encoder);
        created |= users.createIfAbsent(ANALYST, "demo-analyst", UiRole.ANALYST, null, encoder);
        created |= users.createIfAbsent(END_USER, "demo-user", UiRole.END_USER, demoTenantId, END_USER_EXTENSION,
                encoder);
        if (created) {
            log.info("Created the demo admin UI logins '{}', '{}' and '{}'", TENANT_ADMIN, ANALYST, END_USER);
        }
    }
}
