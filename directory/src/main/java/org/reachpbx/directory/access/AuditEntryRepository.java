package org.reachpbx.directory.access;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The audit trail of the admin UI. */
public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByOrderByAtDescIdDesc(Pageable page);

    List<AuditEntry> findByTenantIdOrderByAtDescIdDesc(Long tenantId, Pageable page);
}
