package org.reachpbx.directory.view;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.store.TenantChangedEvent;
import org.reachpbx.rules.view.TenantView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current {@link TenantView} of every stored tenant, so a call never reads the database. Views
 * are built off the call path: for all tenants at start-up, and for one tenant after each committed
 * import, replacement or deletion ({@link TenantChangedEvent}). A new view replaces the old one with
 * one map update: a call that already holds the old view finishes with it.
 * <p>
 * Lookups by SIP domain and public number go through small indexes that are updated after the
 * view; a lookup checks the view it finds, so a stale index entry never returns a wrong tenant.
 */
@Component
public class TenantViewCache implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TenantViewCache.class);

    /** A view and the SIP domain it is found by (the view itself does not carry the domain). */
    private record Cached(TenantView view, String sipDomain) {
    }

    private final TenantRepository tenants;
    private final TransactionTemplate readOnly;
    private final Map<Long, Cached> byId = new ConcurrentHashMap<>();
    private final Map<String, Long> idByDomain = new ConcurrentHashMap<>();
    private final Map<String, Long> idByNumber = new ConcurrentHashMap<>();

    public TenantViewCache(TenantRepository tenants, PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // Called after another transaction committed, whose resources are still bound to the
        // thread: a new transaction makes sure the tenant is read afresh.
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Optional<TenantView> byId(long tenantId) {
        return Optional.ofNullable(byId.get(tenantId)).map(Cached::view);
    }

    /** The SIP domain of a cached tenant. */
    public Optional<String> sipDomain(long tenantId) {
        return Optional.ofNullable(byId.get(tenantId)).map(Cached::sipDomain);
    }

    /** The tenant a SIP request belongs to, by the domain of its request URI (case-insensitive). */
    public Optional<TenantView> byDomain(String sipDomain) {
        if (sipDomain == null) {
            return Optional.empty();
        }
        String domain = sipDomain.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(idByDomain.get(domain)).map(byId::get)
                .filter(c -> c.sipDomain().equals(domain)).map(Cached::view);
    }

    /** The tenant a trunk call belongs to, by the called public number in any common form (ACC-08). */
    public Optional<TenantView> byPublicNumber(String nationalOrE164) {
        String number = TenantViewBuilder.national(nationalOrE164);
        if (number == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(idByNumber.get(number)).map(byId::get).map(Cached::view)
                .filter(v -> v.number(number) != null);
    }

    /** Every cached view, by tenant id. */
    public List<TenantView> all() {
        return byId.values().stream().map(Cached::view).sorted(Comparator.comparingLong(TenantView::tenantId)).toList();
    }

    /** Builds the views of all stored tenants once the application's beans are ready. */
    @Override
    public void afterSingletonsInstantiated() {
        List<Long> ids = readOnly.execute(s -> tenants.findAllIds());
        ids.forEach(this::refresh);
        log.info("Built the routing views of {} tenants", byId.size());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void tenantChanged(TenantChangedEvent event) {
        refresh(event.tenantId());
    }

    /**
     * Rebuilds one tenant's view from the store, or drops it when the tenant is gone. Rebuilds run
     * one at a time: a rebuild that started later also read later, so an older view never
     * overwrites a newer one. A failed rebuild keeps the previous view and is logged; the stored
     * change itself stands.
     */
    private final java.util.List<java.util.function.LongConsumer> refreshed = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told after a tenant's view was rebuilt (presence subscriptions follow a changed REACH status, REACH-17). */
    public void onRefreshed(java.util.function.LongConsumer listener) {
        refreshed.add(listener);
    }

    public synchronized void refresh(long tenantId) {
        Cached fresh;
        try {
            fresh = readOnly.execute(s -> tenants.findById(tenantId)
                    .map(t -> new Cached(TenantViewBuilder.build(t), t.getSipDomain()))
                    .orElse(null));
        } catch (RuntimeException e) {
            log.error("The routing view of tenant {} could not be rebuilt; calls keep the previous view", tenantId, e);
            return;
        }
        Cached old = fresh == null ? byId.remove(tenantId) : byId.put(tenantId, fresh);
        Set<String> numbers = fresh == null ? Set.of() : fresh.view().numbers().keySet();
        if (fresh != null) {
            idByDomain.put(fresh.sipDomain(), tenantId);
            numbers.forEach(n -> idByNumber.put(n, tenantId));
        }
        if (old != null) {
            if (fresh == null || !old.sipDomain().equals(fresh.sipDomain())) {
                idByDomain.remove(old.sipDomain(), tenantId);
            }
            Set<String> gone = new HashSet<>(old.view().numbers().keySet());
            gone.removeAll(numbers);
            gone.forEach(n -> idByNumber.remove(n, tenantId));
        }
        for (java.util.function.LongConsumer l : refreshed) {
            try {
                l.accept(tenantId);
            } catch (RuntimeException e) {
                log.warn("A listener of tenant {}'s new view failed: {}", tenantId, e.toString());
            }
        }
    }
}
