package org.reachpbx.directory.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The requirement IDs named by the DRL rules (the first word of each rule name). */
final class RuleRequirements {
    private static final Pattern RULE = Pattern.compile("^rule \"([A-Z]+-[A-Z0-9]+) ", Pattern.MULTILINE);

    private RuleRequirements() {
    }

    static Set<String> all() {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("../rules/src/main/resources/org/reachpbx/rules/engine"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Matcher m = RULE.matcher(Files.readString(p));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
