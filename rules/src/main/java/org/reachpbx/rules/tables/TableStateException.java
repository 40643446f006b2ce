package org.reachpbx.rules.tables;

/** The request does not fit the state of a version, e.g. publishing a version that is not a draft. */
public class TableStateException extends RuntimeException {
    public TableStateException(String message) {
        super(message);
    }
}
