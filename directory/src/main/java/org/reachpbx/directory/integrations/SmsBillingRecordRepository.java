package org.reachpbx.directory.integrations;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** SMS billing records (VM-05). */
public interface SmsBillingRecordRepository extends JpaRepository<SmsBillingRecord, Long> {

    List<SmsBillingRecord> findByTenantIdOrderByIdAsc(long tenantId);

    Optional<SmsBillingRecord> findByOutboxMessageId(long outboxMessageId);
}
