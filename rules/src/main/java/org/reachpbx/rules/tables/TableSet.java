package org.reachpbx.rules.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The source of one version of the analyst tables: the CSV text of each table, as uploaded. A set
 * may miss tables or hold invalid text; {@link TableCompiler} says what is wrong with it.
 * Immutable.
 */
public final class TableSet {

    /** Where the shipped defaults live on the class path. */
    public static final String DEFAULTS = "/org/reachpbx/rules/tables/defaults/";

    private static volatile TableSet defaults;

    private final Map<TableName, String> texts;

    private TableSet(Map<TableName, String> texts) {
        EnumMap<TableName, String> copy = new EnumMap<>(TableName.class);
        texts.forEach((table, text) -> {
            if (table != null && text != null) {
                copy.put(table, text);
            }
        });
        this.texts = Collections.unmodifiableMap(copy);
    }

    public static TableSet of(Map<TableName, String> texts) {
        return new TableSet(texts);
    }

    /** The tables shipped with the server (class path {@value #DEFAULTS}). */
    public static TableSet defaults() {
        TableSet set = defaults;
        if (set == null) {
            EnumMap<TableName, String> texts = new EnumMap<>(TableName.class);
            for (TableName table : TableName.values()) {
                texts.put(table, resource(table.fileName()));
            }
            set = new TableSet(texts);
            defaults = set;
        }
        return set;
    }

    private static String resource(String name) {
        try (InputStream in = TableSet.class.getResourceAsStream(DEFAULTS + name)) {
            if (in == null) {
                throw new IllegalStateException("default analyst table missing from the class path: " + DEFAULTS + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> text(TableName table) {
        return Optional.ofNullable(texts.get(table));
    }

    /** Every table present, in {@link TableName} order. */
    public Map<TableName, String> texts() {
        return texts;
    }

    /** This set with one table replaced. */
    public TableSet with(TableName table, String text) {
        EnumMap<TableName, String> copy = new EnumMap<>(TableName.class);
        copy.putAll(texts);
        copy.put(table, text);
        return new TableSet(copy);
    }

    /** This set with the given tables replaced. */
    public TableSet with(Map<TableName, String> replacements) {
        EnumMap<TableName, String> copy = new EnumMap<>(TableName.class);
        copy.putAll(texts);
        replacements.forEach((table, text) -> {
            if (table != null && text != null) {
                copy.put(table, text);
            }
        });
        return new TableSet(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSet other && texts.equals(other.texts);
    }

    @Override
    public int hashCode() {
        return texts.hashCode();
    }

    @Override
    public String toString() {
        return "TableSet" + texts.keySet();
    }
}
