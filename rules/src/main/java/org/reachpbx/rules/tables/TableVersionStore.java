package org.reachpbx.rules.tables;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where {@link TableRegistry} keeps its versions so that they survive a restart. The server stores
 * them in its database; {@link #inMemory()} is for tests and tools. The registry writes here first
 * and changes what calls see only when the write succeeded.
 */
public interface TableVersionStore {

    /** Every stored version, in any order. */
    List<TableVersion> loadAll();

    /** Inserts or updates these versions (by version number) together: all of them or none. */
    void save(Collection<TableVersion> versions);

    /** Removes a version (a discarded draft). */
    void delete(int version);

    /** A store that keeps versions in memory only. */
    static TableVersionStore inMemory() {
        return new TableVersionStore() {
            private final Map<Integer, TableVersion> versions = new TreeMap<>();

            @Override
            public synchronized List<TableVersion> loadAll() {
                return List.copyOf(versions.values());
            }

            @Override
            public synchronized void save(Collection<TableVersion> changed) {
                changed.forEach(v -> versions.put(v.version(), v));
            }

            @Override
            public synchronized void delete(int version) {
                versions.remove(version);
            }
        };
    }
}
