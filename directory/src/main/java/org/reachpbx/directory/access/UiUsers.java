package org.reachpbx.directory.access;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and finds the admin UI's users; passwords are stored only encoded. */
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

    /** All users (tenantId null) or those of one tenant, by name. */
    @Transactional(readOnly = true)
    public List<UiUser> list(Long tenantId) {
        return tenantId == null ? users.findAll(Sort.by("username")) : users.findByTenantIdOrderByUsername(tenantId);
    }

    /** Creates the user unless one of that name exists; returns whether it was created. */
    @Transactional
    public boolean createIfAbsent(String username, String password, UiRole role, Long tenantId, PasswordEncoder encoder) {
        return createIfAbsent(username, password, role, tenantId, null, encoder);
    }

    /** As above, with the user extension an END_USER belongs to. */
    @Transactional
    public boolean createIfAbsent(String username, String password, UiRole role, Long tenantId, String extension,
                                  PasswordEncoder encoder) {
        if (users.findByUsername(username).isPresent()) {
            return false;
        }
        UiUser user = new UiUser();
        user.setUsername(username);
        user.setPasswordHash(encoder.encode(password));
        user.setRole(role);
        user.setTenantId(tenantId);
        user.setExtension(extension);
        check(user);
        users.save(user);
        return true;
    }

    /**
     * Creates or changes a user. {@code password} is encoded when given; a new user needs one.
     *
     * @throws IllegalArgumentException when the name is taken, a role lacks its tenant or extension,
     *         or a new user has no password
     */
    @Transactional
    public UiUser save(Long id, String username, String password, UiRole role, Long tenantId, String extension,
                       boolean enabled, PasswordEncoder encoder) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs a name");
        }
        UiUser user = id == null ? new UiUser() : users.findById(id)
                .orElseThrow(() -> new IllegalArgumentException("no UI user " + id));
        users.findByUsername(username.trim()).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw new IllegalArgumentException("the name " + username.trim() + " is taken");
        });
        if (password != null && !password.isBlank()) {
            user.setPasswordHash(encoder.encode(password));
        } else if (id == null) {
            throw new IllegalArgumentException("a new user needs a password");
        }
        user.setUsername(username.trim());
        user.setRole(role);
        user.setTenantId(role != null && role.tenantBound() ? tenantId : null);
        user.setExtension(role != null && role.ownExtension() ? blankToNull(extension) : null);
        user.setEnabled(enabled);
        check(user);
        return users.save(user);
    }

    private static void check(UiUser user) {
        UiRole role = user.getRole();
        if (role == null) {
            throw new IllegalArgumentException("a user needs a role");
        }
        if (role.tenantBound() != (user.getTenantId() != null)) {
            throw new IllegalArgumentException(role + (role.tenantBound() ? " needs a tenant" : " belongs to no tenant"));
        }
        if (role.ownExtension() && user.getExtension() == null) {
            throw new IllegalArgumentException(role + " needs the user extension it belongs to");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
