package org.reachpbx.rules.tables;

/** Life cycle of one version of the analyst tables. */
public enum TableState {
    /** Being edited; never used by calls. */
    DRAFT,
    /** The active version: new calls use it. Exactly one version is published. */
    PUBLISHED,
    /** Was published before and can be published again by a rollback. */
    RETIRED
}
