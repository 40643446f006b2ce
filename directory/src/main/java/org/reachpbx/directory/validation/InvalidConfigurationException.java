package org.reachpbx.directory.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a configuration is refused; nothing of it was stored. */
public class InvalidConfigurationException extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidConfigurationException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** The first few reasons, for logs; the full list is in {@link #getViolations()}. */
    private static String summary(List<Violation> violations) {
        String first = violations.stream().limit(10).map(Violation::toString).collect(Collectors.joining("; "));
        return violations.size() > 10 ? first + "; and " + (violations.size() - 10) + " more" : first;
    }

    public List<Violation> getViolations() {
        return violations;
    }
}
