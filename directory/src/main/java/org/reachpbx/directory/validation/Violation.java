package org.reachpbx.directory.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;
import java.util.List;

/**
 * One reason a configuration cannot be stored: where (a path into the tenant document, as in the
 * YAML, e.g. {@code users[0].reach.profiles[1].callerId}) and why, in words an admin understands.
 * The reasons of the validator also carry their sentence's text key and data ({@link ViolationTexts}),
 * so that the admin UI can say them in its language; {@code message} is the English sentence. A
 * violation without a key (a YAML parse error) is said as it is.
 */
public record Violation(String path, String message, @JsonIgnore String key, @JsonIgnore List<String> args) {

    public Violation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A reason in words only, with no text key. */
    public Violation(String path, String message) {
        this(path, message, null, List.of());
    }

    /** The reason with the sentence {@code key} of {@link ViolationTexts} and its data. */
    public static Violation of(String path, String key, Object... args) {
        List<String> data = Arrays.stream(args).map(String::valueOf).toList();
        return new Violation(path, ViolationTexts.english(key, data), key, data);
    }

    /** Two violations are the same when they say the same at the same place, however they were made. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Violation v && java.util.Objects.equals(path, v.path) && java.util.Objects.equals(message, v.message);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(path, message);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
