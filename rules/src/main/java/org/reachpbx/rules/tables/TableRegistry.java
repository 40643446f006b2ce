package org.reachpbx.rules.tables;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions of the analyst tables and the one that calls use now. No Spring: the server wires
 * it to its database through a {@link TableVersionStore}.
 *
 * <h2>Hot path</h2>
 * {@link #current()} is one volatile read of an {@link AtomicReference}. A call takes the tables
 * once and keeps that object for its whole life, so a publish never changes the tables under a
 * running call; the next call gets the new version.
 *
 * <h2>Changes</h2>
 * A draft is a full set of tables: it starts as a copy of the published set with the uploaded
 * tables replaced. Publishing compiles and validates the draft first (on the caller's thread, never
 * on a call's), then stores the state change, and only then swaps the active tables. A draft that
 * does not compile, or a store that fails, leaves the active version exactly as it was. Previous
 * versions stay as RETIRED and can be published again ({@link #rollback}). Changes are serialised
 * by this object's lock; {@link #current()} never waits for it.
 */
public final class TableRegistry {

    private static final Logger log = LoggerFactory.getLogger(TableRegistry.class);

    /** The author of versions the server makes itself (the shipped defaults). */
    public static final String SYSTEM = "system";
    private static final int MAX_AUTHOR = 100;

    private final TableVersionStore store;
    private final Clock clock;
    private final AtomicReference<CompiledTables> active = new AtomicReference<>();
    private final TreeMap<Integer, TableVersion> versions = new TreeMap<>();
    private final List<Consumer<AnalystTables>> listeners = new CopyOnWriteArrayList<>();
    private volatile int activeVersion;
    private int lastIssued;

    /** Loads the stored versions and publishes the stored active one (see {@link #TableRegistry(TableVersionStore, Clock)}). */
    public TableRegistry(TableVersionStore store) {
        this(store, Clock.systemUTC());
    }

    /**
     * Loads every stored version and activates the published one. When the store is empty, the
     * shipped defaults become version 1. When the published version no longer compiles (stricter
     * validation in a newer server), the newest earlier version that does is published again, and
     * failing that the shipped defaults as a new version; the change is stored and logged.
     */
    public TableRegistry(TableVersionStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        synchronized (this) {
            load();
        }
    }

    /** A registry with the shipped defaults, kept in memory only. */
    public static TableRegistry inMemory() {
        return new TableRegistry(TableVersionStore.inMemory());
    }

    // ---- reading ------------------------------------------------------------------------------

    /** The published tables, for a new call. Never null; lock-free. */
    public AnalystTables current() {
        return active.get();
    }

    /** The number of the published version. */
    public int activeVersion() {
        return activeVersion;
    }

    /** Every version, oldest first. */
    public synchronized List<TableVersion> list() {
        return List.copyOf(versions.values());
    }

    public synchronized Optional<TableVersion> find(int version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** @throws UnknownTableVersionException when there is no such version */
    public TableVersion get(int version) {
        return find(version).orElseThrow(() -> new UnknownTableVersionException(version));
    }

    /** Called with the new tables after every publish and rollback (on the publishing thread). */
    public void addListener(Consumer<AnalystTables> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<AnalystTables> listener) {
        listeners.remove(listener);
    }

    // ---- drafts -------------------------------------------------------------------------------

    /** A new draft: the published set with one table replaced. The draft may be invalid; see {@link #validate}. */
    public TableVersion uploadDraft(TableName table, String csv, String author) {
        return createDraft(Map.of(Objects.requireNonNull(table, "table"), Objects.requireNonNull(csv, "csv")), author);
    }

    /**
     * A new draft: the published set with the given tables replaced.
     *
     * @throws TableValidationException when a table is too large to be read at all (nothing is stored)
     */
    public synchronized TableVersion createDraft(Map<TableName, String> tables, String author) {
        checkSizes(tables);
        TableSet base = get(activeVersion).tables();
        TableVersion draft = new TableVersion(++lastIssued, TableState.DRAFT, author(author), now(), null,
                null, base.with(tables));
        store.save(List.of(draft));
        versions.put(draft.version(), draft);
        log.info("Analyst tables: draft {} created by {} from version {} (replaced: {})", draft.version(),
                draft.author(), activeVersion, tables.keySet());
        return draft;
    }

    /** Replaces tables of an existing draft. */
    public synchronized TableVersion updateDraft(int draft, Map<TableName, String> tables, String author) {
        checkSizes(tables);
        TableVersion current = draft(draft);
        TableVersion updated = current.withTables(current.tables().with(tables), author(author), now());
        store.save(List.of(updated));
        versions.put(draft, updated);
        log.info("Analyst tables: draft {} changed by {} (replaced: {})", draft, updated.author(), tables.keySet());
        return updated;
    }

    /** Throws a draft away. */
    public synchronized void discardDraft(int draft) {
        draft(draft);
        store.delete(draft);
        versions.remove(draft);
        log.info("Analyst tables: draft {} discarded", draft);
    }

    /** Every problem of a version's tables (normally a draft); empty when it can be published. */
    public List<TableViolation> validate(int version) {
        TableSet tables = get(version).tables();
        return TableCompiler.validate(tables);
    }

    // ---- publishing ---------------------------------------------------------------------------

    /**
     * Publishes a draft: compiles and validates it, stores it as PUBLISHED (the previous version
     * becomes RETIRED) and then makes it the tables of new calls.
     *
     * @throws TableValidationException when the draft is invalid; the active version stays
     * @throws TableStateException      when the version is not a draft
     */
    public synchronized TableVersion publish(int draft, String by) {
        TableVersion candidate = draft(draft);
        CompiledTables compiled = TableCompiler.compile(String.valueOf(draft), candidate.tables());
        TableVersion published = activate(candidate.published(now(), author(by)), compiled);
        log.info("Analyst tables: version {} published by {}", draft, published.publishedBy());
        return published;
    }

    /**
     * Publishes again the newest retired version older than the active one.
     *
     * @throws TableStateException when there is none
     */
    public synchronized TableVersion rollback(String by) {
        TableVersion target = versions.headMap(activeVersion, false).descendingMap().values().stream()
                .filter(v -> v.state() == TableState.RETIRED).findFirst()
                .orElseThrow(() -> new TableStateException("there is no earlier published version than "
                        + activeVersion + " to roll back to"));
        return rollback(target.version(), by);
    }

    /**
     * Publishes again a version that was published before (RETIRED). It is compiled and validated
     * anew; the active version stays when that fails.
     *
     * @throws TableStateException when the version is a draft or already active
     */
    public synchronized TableVersion rollback(int to, String by) {
        TableVersion target = get(to);
        if (target.state() == TableState.PUBLISHED) {
            throw new TableStateException("version " + to + " is already the active version");
        }
        if (target.state() != TableState.RETIRED) {
            throw new TableStateException("version " + to + " is a draft, never published: publish it instead");
        }
        CompiledTables compiled = TableCompiler.compile(String.valueOf(to), target.tables());
        int from = activeVersion;
        // Active again, but its "published at/by" stay those of its publication: a roll back does not
        // rewrite history (issue 17, defect 6); who rolled back and when is in the audit trail.
        TableVersion published = activate(target.withState(TableState.PUBLISHED), compiled);
        log.info("Analyst tables: rolled back from version {} to version {} by {}", from, to, author(by));
        return published;
    }

    /**
     * Reads the stored versions again after another instance of a cluster changed them
     * (docs/cluster.md): drafts and states as stored, and the stored published version becomes the
     * tables of new calls when it is not the active one. Writes nothing; calls in progress keep the
     * tables they started with. A stored version that does not compile here is logged and the active
     * one stays.
     */
    public synchronized void reload() {
        List<TableVersion> stored = store.loadAll();
        versions.clear();
        stored.forEach(v -> versions.put(v.version(), v));
        lastIssued = Math.max(lastIssued, versions.isEmpty() ? 0 : versions.lastKey());
        Optional<TableVersion> published = versions.values().stream().filter(v -> v.state() == TableState.PUBLISHED)
                .max(Comparator.comparingInt(TableVersion::version));
        if (published.isEmpty() || published.get().version() == activeVersion) {
            return;
        }
        TableVersion target = published.get();
        try {
            swap(target.version(), TableCompiler.compile(String.valueOf(target.version()), target.tables()));
            log.info("Analyst tables: version {} published on another instance is active here too", target.version());
        } catch (TableValidationException e) {
            log.error("Analyst tables: version {} published on another instance does not compile here; version {} stays: {}",
                    target.version(), activeVersion, e.getMessage());
        }
    }

    // ---- internals ----------------------------------------------------------------------------

    /** Store first, then swap: a failing store leaves memory and calls untouched. */
    private TableVersion activate(TableVersion published, CompiledTables compiled) {
        List<TableVersion> changed = new ArrayList<>();
        TableVersion previous = versions.get(activeVersion);
        if (previous != null && previous.version() != published.version()) {
            changed.add(previous.withState(TableState.RETIRED));
        }
        changed.add(published);
        store.save(changed);
        changed.forEach(v -> versions.put(v.version(), v));
        swap(published.version(), compiled);
        return published;
    }

    private void swap(int version, CompiledTables compiled) {
        activeVersion = version;
        active.set(compiled);
        for (Consumer<AnalystTables> listener : listeners) {
            try {
                listener.accept(compiled);
            } catch (RuntimeException e) {
                log.warn("Analyst tables: a listener failed on version {}", version, e);
            }
        }
    }

    private TableVersion draft(int version) {
        TableVersion draft = get(version);
        if (draft.state() != TableState.DRAFT) {
            throw new TableStateException("version " + version + " is " + draft.state() + ", not a draft");
        }
        return draft;
    }

    private static void checkSizes(Map<TableName, String> tables) {
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("no table given");
        }
        List<TableViolation> violations = new ArrayList<>();
        tables.forEach((table, text) -> {
            Objects.requireNonNull(table, "table");
            if (text == null) {
                violations.add(TableViolation.table(table, "the table has no text"));
            } else if (text.length() > TableCompiler.MAX_TABLE_CHARS) {
                violations.add(TableViolation.table(table, "the table is larger than " + TableCompiler.MAX_TABLE_CHARS
                        + " characters"));
            }
        });
        if (!violations.isEmpty()) {
            throw new TableValidationException(violations);
        }
    }

    /** Microseconds, as the database keeps them, so a reloaded version equals the one in memory. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String author(String name) {
        if (name == null || name.isBlank()) {
            return "unknown";
        }
        String trimmed = name.trim();
        return trimmed.length() > MAX_AUTHOR ? trimmed.substring(0, MAX_AUTHOR) : trimmed;
    }

    private void load() {
        for (TableVersion v : store.loadAll()) {
            versions.put(v.version(), v);
        }
        lastIssued = versions.isEmpty() ? 0 : versions.lastKey();
        // Normally exactly one version is PUBLISHED. Try it first, then earlier published versions.
        List<TableVersion> candidates = new ArrayList<>(versions.values().stream()
                .filter(v -> v.state() == TableState.PUBLISHED)
                .sorted(Comparator.comparingInt(TableVersion::version).reversed()).toList());
        versions.values().stream().filter(v -> v.state() == TableState.RETIRED)
                .sorted(Comparator.comparing(TableVersion::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(TableVersion::version).reversed())
                .forEach(candidates::add);
        for (TableVersion candidate : candidates) {
            CompiledTables compiled;
            try {
                compiled = TableCompiler.compile(String.valueOf(candidate.version()), candidate.tables());
            } catch (TableValidationException e) {
                log.error("Analyst tables: stored version {} ({}) no longer validates, so it is not used: {}",
                        candidate.version(), candidate.state(), e.getMessage());
                continue;
            }
            List<TableVersion> changed = new ArrayList<>();
            for (TableVersion other : versions.values()) {
                if (other.state() == TableState.PUBLISHED && other.version() != candidate.version()) {
                    changed.add(other.withState(TableState.RETIRED));
                }
            }
            if (candidate.state() != TableState.PUBLISHED) {
                changed.add(candidate.published(now(), SYSTEM));
                log.warn("Analyst tables: published version {} again because the published one could not be used",
                        candidate.version());
            }
            if (!changed.isEmpty()) {
                store.save(changed);
                changed.forEach(v -> versions.put(v.version(), v));
            }
            swap(candidate.version(), compiled);
            log.info("Analyst tables: version {} is active ({} versions stored)", candidate.version(), versions.size());
            return;
        }
        // Nothing stored, or nothing usable: the shipped defaults become a new version.
        TableSet defaults = TableSet.defaults();
        int number = ++lastIssued;
        CompiledTables compiled = TableCompiler.compile(String.valueOf(number), defaults);
        Instant now = now();
        List<TableVersion> changed = new ArrayList<>();
        for (TableVersion other : versions.values()) {
            if (other.state() == TableState.PUBLISHED) {
                changed.add(other.withState(TableState.RETIRED));
            }
        }
        TableVersion version = new TableVersion(number, TableState.PUBLISHED, SYSTEM, now, now, SYSTEM, defaults);
        changed.add(version);
        store.save(changed);
        changed.forEach(v -> versions.put(v.version(), v));
        swap(number, compiled);
        log.info("Analyst tables: the shipped defaults are version {} and active", number);
    }
}
