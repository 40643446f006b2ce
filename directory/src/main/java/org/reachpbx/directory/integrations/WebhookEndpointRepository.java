package org.reachpbx.directory.integrations;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** CRM webhook endpoints per tenant. */
public interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {

    List<WebhookEndpoint> findByTenantIdOrderByIdAsc(long tenantId);

    Optional<WebhookEndpoint> findByIdAndTenantId(long id, long tenantId);
}
