package org.reachpbx.directory.integrations;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Contact pull sources, at most one per tenant. */
public interface ContactPullSourceRepository extends JpaRepository<ContactPullSource, Long> {

    Optional<ContactPullSource> findByTenantId(long tenantId);

    List<ContactPullSource> findByEnabledTrue();
}
