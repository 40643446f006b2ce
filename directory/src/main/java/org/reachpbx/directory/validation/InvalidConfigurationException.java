package org.reachpbx.directory.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a configuration is refused; nothing of it was stored. */
public class InvalidConfigurationException extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidConfigurationException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> getViolations() {
        return violations;
    }
}
