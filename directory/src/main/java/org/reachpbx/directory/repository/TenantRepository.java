package org.reachpbx.directory.repository;

import java.util.Optional;
import org.reachpbx.directory.model.Tenant;
import org.springframework.data.jpa.repository.JpaRepository;

/** Tenants and, through them, every configured thing of each tenant. */
public interface TenantRepository extends JpaRepository<Tenant, Long> {
    Optional<Tenant> findByName(String name);

    Optional<Tenant> findBySipDomain(String sipDomain);
}
