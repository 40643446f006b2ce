package org.reachpbx.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/FEATURE-STATUS.md may only name tests that exist: every test class it names
 * ({@code …Test}, {@code …Tests}) is a file under some module's {@code src/test/java}, and every
 * {@code SomeTest.someMethod} it names is a method of that class. No Spring, a file walk: fast.
 */
class FeatureStatusTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern TEST_CLASS = Pattern.compile("\\b([A-Z][A-Za-z0-9]*Tests?)\\b(?:\\.([a-z][A-Za-z0-9]*))?");

    @Test
    void everyTestClassItNamesExists() throws IOException {
        String status = Files.readString(ROOT.resolve("docs/FEATURE-STATUS.md"));
        Map<String, List<Path>> tests = testSources();

        Set<String> missing = new TreeSet<>();
        Matcher m = TEST_CLASS.matcher(status);
        int named = 0;
        while (m.find()) {
            named++;
            String name = m.group(1);
            List<Path> files = tests.get(name);
            if (files == null) {
                missing.add(name);
            } else if (m.group(2) != null && !declares(files, m.group(2))) {
                missing.add(name + "." + m.group(2));
            }
        }
        assertThat(named).as("test classes named in FEATURE-STATUS.md").isGreaterThan(50);
        assertThat(missing).as("named in docs/FEATURE-STATUS.md but not found under */src/test/java").isEmpty();
    }

    /** Every test source file of every module, by simple class name. */
    private static Map<String, List<Path>> testSources() throws IOException {
        Map<String, List<Path>> byName = new HashMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path tests = module.resolve("src/test/java");
                if (!Files.isDirectory(tests)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(tests)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> byName
                            .computeIfAbsent(f.getFileName().toString().replace(".java", ""), k -> new ArrayList<>())
                            .add(f));
                }
            }
        }
        return byName;
    }

    private static boolean declares(List<Path> files, String method) throws IOException {
        Pattern declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(");
        for (Path f : files) {
            if (declaration.matcher(Files.readString(f)).find()) {
                return true;
            }
        }
        return false;
    }
}
