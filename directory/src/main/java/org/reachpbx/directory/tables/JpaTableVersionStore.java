package org.reachpbx.directory.tables;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reachpbx.rules.tables.TableVersion;
import org.reachpbx.rules.tables.TableVersionStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the versions of the analyst tables in the configuration database (table
 * {@code rule_table_version}), so that the published version and its history survive a restart.
 * Every save is one transaction: a publish writes the new active version and retires the previous
 * one together, or not at all.
 */
@Service
public class JpaTableVersionStore implements TableVersionStore {

    private final RuleTableVersionRepository repository;

    public JpaTableVersionStore(RuleTableVersionRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TableVersion> loadAll() {
        return repository.findAllByOrderByVersionAsc().stream().map(RuleTableVersion::toVersion).toList();
    }

    @Override
    @Transactional
    public void save(Collection<TableVersion> versions) {
        Map<Integer, RuleTableVersion> stored = repository.findByVersionIn(
                        versions.stream().map(TableVersion::version).toList()).stream()
                .collect(Collectors.toMap(RuleTableVersion::getVersion, Function.identity()));
        for (TableVersion v : versions) {
            RuleTableVersion row = stored.get(v.version());
            repository.save((row == null ? new RuleTableVersion() : row).fill(v));
        }
        repository.flush();
    }

    @Override
    @Transactional
    public void delete(int version) {
        repository.deleteByVersion(version);
    }
}
