package org.reachpbx.rules.tables;

/** There is no version of the analyst tables with this number. */
public class UnknownTableVersionException extends RuntimeException {
    public UnknownTableVersionException(int version) {
        super("no analyst-table version " + version);
    }
}
