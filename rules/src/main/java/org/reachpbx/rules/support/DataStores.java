package org.reachpbx.rules.support;

import java.util.ArrayList;
import java.util.List;
import org.drools.ruleunits.api.DataStore;

/** Emptying the data stores of a long-lived rule-unit instance between decisions. */
public final class DataStores {
    private DataStores() {
    }

    /** Removes every fact of each store (stores made by {@code DataSource.createStore()} are iterable lists). */
    public static void clear(DataStore<?>... stores) {
        for (DataStore<?> store : stores) {
            removeAll(store);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void removeAll(DataStore<T> store) {
        List<T> facts = new ArrayList<>();
        for (T fact : (Iterable<T>) store) {
            facts.add(fact);
        }
        for (T fact : facts) {
            store.remove(fact);
        }
    }
}
