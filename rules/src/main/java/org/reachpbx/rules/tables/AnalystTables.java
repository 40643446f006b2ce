package org.reachpbx.rules.tables;

/**
 * One published version of the analyst tables (destination categories, international region
 * groups, Alert-Info per call type, default timeouts): immutable and indexed, so rules can consult
 * it on the call path. A call keeps the version it started with.
 */
public interface AnalystTables {

    /** The version label of this set of tables, e.g. "3". */
    String version();

    /** The category (and, for international numbers, the region group) of a national-format number (CB-04, CB-05). */
    DestinationClass classify(String nationalNumber);

    /** The Alert-Info value for a call type (RING-01). */
    String alertInfo(CallType callType);

    /** A default timeout in seconds. */
    int defaultTimeout(TimeoutKind kind);
}
