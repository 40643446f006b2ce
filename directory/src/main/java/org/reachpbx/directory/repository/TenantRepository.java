package org.reachpbx.directory.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.reachpbx.directory.model.Tenant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Tenants and, through them, every configured thing of each tenant. */
public interface TenantRepository extends JpaRepository<Tenant, Long> {
    Optional<Tenant> findByName(String name);

    Optional<Tenant> findBySipDomain(String sipDomain);

    /** The ids of all tenants, without loading them. */
    @Query("select t.id from Tenant t order by t.id")
    List<Long> findAllIds();

    /** Which of these phone numbers belong to another tenant than {@code tenantName}: [number, tenant name]. */
    @Query("select n.number, t.name from Tenant t join t.numbers n where n.number in :numbers and t.name <> :tenantName")
    List<Object[]> numbersOfOtherTenants(@Param("numbers") Collection<String> numbers, @Param("tenantName") String tenantName);
}
