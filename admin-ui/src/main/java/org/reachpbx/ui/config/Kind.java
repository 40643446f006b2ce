package org.reachpbx.ui.config;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reachpbx.directory.model.Tenant;

/**
 * One list of a tenant that {@link ListEditor} edits: its YAML name (the violation paths start
 * with it), its item type, how to read it from a tenant, the tenant's list that holds its items
 * (for extensions: all extensions), and an item's natural key (extension number, phone number,
 * name), by which an edited item is found again in a fresh draft.
 *
 * @param id      stable id and text key suffix ({@code config.kind.<id>})
 * @param yaml    the list's name in the tenant YAML ({@code users}, {@code numbers}, ...)
 * @param list    the items of this kind, in document order
 * @param backing the tenant's list that holds them
 */
public record Kind<T>(String id, String yaml, Class<T> type, Function<Tenant, List<T>> list,
                      Function<Tenant, List<? super T>> backing, Function<T, String> key, Function<T, String> name,
                      Supplier<T> factory) {

    public void add(Tenant tenant, T item) {
        backing.apply(tenant).add(item);
    }

    public void remove(Tenant tenant, T item) {
        backing.apply(tenant).removeIf(o -> o == item);
    }

    /** Replaces {@code old} by {@code item}, keeping its place. */
    public void replace(Tenant tenant, T old, T item) {
        List<? super T> list = backing.apply(tenant);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == old) {
                list.set(i, item);
                return;
            }
        }
        throw new IllegalStateException("item not in the list");
    }

    /** Index of the item with this key in the tenant's list of this kind, or -1. */
    public int indexOf(Tenant tenant, String itemKey) {
        List<T> items = list.apply(tenant);
        for (int i = 0; i < items.size(); i++) {
            if (itemKey != null && itemKey.equals(key.apply(items.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    public T cast(Object item) {
        return (T) item;
    }
}
