package org.reachpbx.rules.tables;

import java.util.List;
import java.util.stream.Collectors;

/** A set of analyst tables was refused as a whole; nothing of it was published. */
public class TableValidationException extends RuntimeException {

    private final transient List<TableViolation> violations;

    public TableValidationException(List<TableViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    private static String summary(List<TableViolation> violations) {
        String first = violations.stream().limit(10).map(TableViolation::toString).collect(Collectors.joining("; "));
        return violations.size() > 10 ? first + "; and " + (violations.size() - 10) + " more" : first;
    }

    /** Every problem found, in table order and then row order. */
    public List<TableViolation> getViolations() {
        return violations;
    }
}
