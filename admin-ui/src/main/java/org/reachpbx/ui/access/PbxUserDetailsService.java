package org.reachpbx.ui.access;

import java.util.Optional;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.access.UiUser;
import org.reachpbx.directory.access.UiUsers;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may log in: the configured platform admin ({@code pbx.admin.*}, its password kept only as a
 * hash in memory), then the users stored in the database ({@code ui_user}). The configured admin
 * wins on a name clash, so it always works, also on an empty database.
 */
public class PbxUserDetailsService implements UserDetailsService {

    private final PbxUser platformAdmin;
    private final UiUsers users;

    public PbxUserDetailsService(String adminName, String adminPasswordHash, UiUsers users) {
        this.platformAdmin = new PbxUser(adminName, adminPasswordHash, true, UiRole.PLATFORM_ADMIN, null);
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (platformAdmin.getUsername().equals(username)) {
            return new PbxUser(username, platformAdmin.getPassword(), true, UiRole.PLATFORM_ADMIN, null);
        }
        return (users == null ? Optional.<UiUser>empty() : users.find(username))
                .map(u -> new PbxUser(u.getUsername(), u.getPasswordHash(), u.isEnabled(), u.getRole(), u.getTenantId(),
                        u.getExtension()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
