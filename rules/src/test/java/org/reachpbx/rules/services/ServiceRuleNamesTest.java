package org.reachpbx.rules.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every service rule's name starts with the FEATURES.md requirement it implements, and names are unique. */
class ServiceRuleNamesTest {
    static final Path DRL = Path.of("src/main/resources/org/reachpbx/rules/services");
    static final Pattern RULE = Pattern.compile("^rule \"([^\"]+)\"", Pattern.MULTILINE);

    @Test
    void ruleNamesStartWithARequirementId() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(DRL)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = RULE.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(60);
        assertThat(names).allMatch(n -> n.matches("[A-Z]+-\\d{2} .+"), "name starts with a requirement ID");
        Set<String> unique = new HashSet<>(names);
        assertThat(unique).hasSameSizeAs(names);
    }
}
