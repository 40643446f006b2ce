package org.reachpbx.directory.access;

import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds the admin UI's users; passwords are stored only encoded. */
@Service
public class UiUsers {

    private final UiUserRepository users;

    public UiUsers(UiUserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Optional<UiUser> find(String username) {
        return users.findByUsername(username);
    }

    /** Creates the user unless one of that name exists; returns whether it was created. */
    @Transactional
    public boolean createIfAbsent(String username, String password, UiRole role, Long tenantId, PasswordEncoder encoder) {
        if (users.findByUsername(username).isPresent()) {
            return false;
        }
        if (role.tenantBound() != (tenantId != null)) {
            throw new IllegalArgumentException(role + (role.tenantBound() ? " needs a tenant" : " belongs to no tenant"));
        }
        UiUser user = new UiUser();
        user.setUsername(username);
        user.setPasswordHash(encoder.encode(password));
        user.setRole(role);
        user.setTenantId(tenantId);
        users.save(user);
        return true;
    }
}
