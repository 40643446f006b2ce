package org.reachpbx.ui.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.access.UiUser;
import org.reachpbx.directory.access.UiUsers;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class PbxUserDetailsServiceTest {

    private final UiUsers users = mock(UiUsers.class);
    private final PbxUserDetailsService service = new PbxUserDetailsService("admin", "{bcrypt}hash", users);

    private static UiUser user(String name, UiRole role, Long tenant, boolean enabled) {
        UiUser u = new UiUser();
        u.setUsername(name);
        u.setPasswordHash("{bcrypt}x");
        u.setRole(role);
        u.setTenantId(tenant);
        u.setEnabled(enabled);
        return u;
    }

    @Test
    void theConfiguredAdminIsAPlatformAdminAndWinsOverAStoredUserOfThatName() {
        when(users.find("admin")).thenReturn(Optional.of(user("admin", UiRole.ANALYST, null, true)));
        PbxUser admin = (PbxUser) service.loadUserByUsername("admin");
        assertThat(admin.role()).isEqualTo(UiRole.PLATFORM_ADMIN);
        assertThat(admin.getPassword()).isEqualTo("{bcrypt}hash");
        assertThat(admin.seesTenant(1)).isTrue();
    }

    @Test
    void aStoredTenantAdminHasItsRoleAndSeesOnlyItsTenant() {
        when(users.find("ta")).thenReturn(Optional.of(user("ta", UiRole.TENANT_ADMIN, 7L, true)));
        PbxUser ta = (PbxUser) service.loadUserByUsername("ta");
        assertThat(ta.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_TENANT_ADMIN");
        assertThat(ta.seesTenant(7)).isTrue();
        assertThat(ta.seesTenant(8)).isFalse();
    }

    @Test
    void aDisabledUserCannotLogInAndAnUnknownOneIsNotFound() {
        when(users.find("off")).thenReturn(Optional.of(user("off", UiRole.ANALYST, null, false)));
        when(users.find("nobody")).thenReturn(Optional.empty());
        assertThat(service.loadUserByUsername("off").isEnabled()).isFalse();
        assertThatThrownBy(() -> service.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
    }
}
