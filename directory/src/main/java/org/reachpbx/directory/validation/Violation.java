package org.reachpbx.directory.validation;

/**
 * One reason a configuration cannot be stored: where (a path into the tenant document, as in the
 * YAML, e.g. {@code users[0].reach.profiles[1].callerId}) and why, in words an admin understands.
 */
public record Violation(String path, String message) {
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
