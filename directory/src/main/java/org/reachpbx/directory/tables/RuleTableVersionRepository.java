package org.reachpbx.directory.tables;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored versions of the analyst tables. */
public interface RuleTableVersionRepository extends JpaRepository<RuleTableVersion, Long> {

    Optional<RuleTableVersion> findByVersion(int version);

    List<RuleTableVersion> findByVersionIn(Collection<Integer> versions);

    List<RuleTableVersion> findAllByOrderByVersionAsc();

    long deleteByVersion(int version);
}
