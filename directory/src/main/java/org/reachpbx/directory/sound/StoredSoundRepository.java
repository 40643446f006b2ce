package org.reachpbx.directory.sound;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The sound files of the tenants (metadata only). */
public interface StoredSoundRepository extends JpaRepository<StoredSound, Long> {

    List<StoredSound> findByTenantIdOrderByNameAsc(long tenantId);

    Optional<StoredSound> findByTenantIdAndName(long tenantId, String name);
}
