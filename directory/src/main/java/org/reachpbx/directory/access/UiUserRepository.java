package org.reachpbx.directory.access;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The admin UI's users. */
public interface UiUserRepository extends JpaRepository<UiUser, Long> {

    Optional<UiUser> findByUsername(String username);

    List<UiUser> findByTenantIdOrderByUsername(Long tenantId);
}
