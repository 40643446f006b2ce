package org.reachpbx.rules.tables;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of the analyst tables as the registry keeps it: its number, state, who made it and
 * when, when it was last published and by whom, and the CSV text of every table. Immutable.
 *
 * @param version     the version number; drafts and published versions share one sequence
 * @param state       DRAFT, PUBLISHED or RETIRED
 * @param author      who created the version (for a draft: who last changed it)
 * @param created     when it was created (for a draft: last changed)
 * @param publishedAt when it was published; a roll back makes it active again without changing this; null for a draft
 * @param publishedBy who published it (not who rolled back to it); null for a draft
 * @param tables      the CSV text of each table
 */
public record TableVersion(int version, TableState state, String author, Instant created, Instant publishedAt,
                           String publishedBy, TableSet tables) {

    public TableVersion {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(tables, "tables");
    }

    public TableVersion withState(TableState newState) {
        return new TableVersion(version, newState, author, created, publishedAt, publishedBy, tables);
    }

    TableVersion published(Instant at, String by) {
        return new TableVersion(version, TableState.PUBLISHED, author, created, at, by, tables);
    }

    TableVersion withTables(TableSet newTables, String by, Instant at) {
        return new TableVersion(version, state, by, at, publishedAt, publishedBy, newTables);
    }
}
