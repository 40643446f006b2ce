package org.reachpbx.directory.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every reason the validator gives is a sentence with a text key (issue 17: the admin UI says it in
 * its own language): each key the checks write exists in {@code texts/violations_en.properties},
 * each field constraint of the entities has one, and the English sentences read as before.
 */
class ViolationTextsTest {

    @Test
    void everyKeyTheChecksAndTheStoreWriteHasAnEnglishSentence() throws IOException {
        Map<String, String> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/reachpbx/directory"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                keysIn(source).forEach(k -> used.put(k, file.getFileName().toString()));
            }
        }
        assertThat(used).as("keys found in the sources").hasSizeGreaterThan(60);
        used.forEach((key, file) -> assertThat(ViolationTexts.keys()).as(key + " in " + file).contains(key));
    }

    @Test
    void everyFieldConstraintOfTheEntitiesHasASentence() throws Exception {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        List<String> missing = new ArrayList<>();
        int constraints = 0;
        for (Resource r : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/reachpbx/directory/model/*.class")) {
            String name = "org.reachpbx.directory.model." + r.getFilename().replace(".class", "");
            var bean = validator.getConstraintsForClass(Class.forName(name));
            List<ConstraintDescriptor<?>> found = new ArrayList<>(bean.getConstraintDescriptors());
            for (var property : bean.getConstrainedProperties()) {
                found.addAll(property.getConstraintDescriptors());
                for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
                    found.addAll(element.getConstraintDescriptors());
                }
            }
            for (ConstraintDescriptor<?> c : found) {
                constraints++;
                String template = c.getMessageTemplate();
                boolean known = template.startsWith("{jakarta.validation.constraints.")
                        ? ViolationTexts.keys().contains(keyOfStandard(template))
                        : ViolationTexts.keyOf(template.replace("\\{", "{").replace("\\}", "}")).isPresent();
                if (!known) {
                    missing.add(name + ": " + template);
                }
            }
        }
        assertThat(constraints).isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    @Test
    void theEnglishSentencesReadAsTheValidatorWroteThem() {
        assertThat(Violation.of("users[0].reach.matrix[1].profile", "noProfile", "Thuis").toString())
                .isEqualTo("users[0].reach.matrix[1].profile: there is no profile 'Thuis'");
        Violation v = Violation.of("groups[0].members[0]", "wrongExtensionType", "300", "GROUP", "[USER]");
        assertThat(v.message()).isEqualTo("extension 300 is a GROUP extension; allowed: [USER]");
        assertThat(v.key()).isEqualTo("wrongExtensionType");
        assertThat(v.args()).containsExactly("300", "GROUP", "[USER]");
        assertThat(PinPolicy.check("1234")).contains("is insecure: a run of consecutive digits");
    }

    @Test
    void aFieldConstraintsViolationCarriesItsKeyAndBounds() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        org.reachpbx.directory.model.Channel channel = new org.reachpbx.directory.model.Channel();
        channel.setName("no spaces allowed");
        channel.setDtmfMode(null);
        Map<String, Violation> byProperty = new TreeMap<>();
        validator.validate(channel).forEach(v -> byProperty.put(v.getPropertyPath().toString(),
                TenantValidator.fieldViolation("channels[0]." + v.getPropertyPath(), v)));
        assertThat(byProperty.get("name").key()).isEqualTo("sipUserName");
        assertThat(byProperty.get("name").args()).isEmpty();
        assertThat(byProperty.get("dtmfMode").key()).isEqualTo("notNull");

        org.reachpbx.directory.model.QueueExtension queue = new org.reachpbx.directory.model.QueueExtension();
        queue.setMaxWaitTimeout(1);
        List<Violation> tooShort = validator.validate(queue).stream().filter(v -> v.getPropertyPath().toString().equals("maxWaitTimeout"))
                .map(v -> TenantValidator.fieldViolation("queues[0].maxWaitTimeout", v)).toList();
        assertThat(tooShort).singleElement().satisfies(v -> {
            assertThat(v.key()).isEqualTo("min");
            assertThat(v.args()).containsExactly("5");
            assertThat(v.message()).isEqualTo(ViolationTexts.english(v.key(), v.args()));
        });
    }

    /** The REST API answers in English, {@code {path, message}} as before: the key is for the admin UI. */
    @Test
    void theJsonOfAViolationIsItsPathAndEnglishMessage() throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(Violation.of("timeZone", "notATimeZone", "Mars/Olympus"));
        assertThat(json).isEqualTo("{\"path\":\"timeZone\",\"message\":\"'Mars/Olympus' is not a time zone (e.g. Europe/Amsterdam)\"}");
    }

    @Test
    void aKeyWithoutASentenceIsRefusedAtOnce() {
        assertThatThrownBy(() -> Violation.of("x", "noSuchSentence")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noSuchSentence");
    }

    private static String keyOfStandard(String template) {
        String constraint = template.replace("{jakarta.validation.constraints.", "").replace(".message}", "");
        return Character.toLowerCase(constraint.charAt(0)) + constraint.substring(1);
    }

    /** The string literals of the second argument of every {@code add(} and {@code Violation.of(} call. */
    static List<String> keysIn(String source) {
        List<String> keys = new ArrayList<>();
        for (String call : List.of("add(", "Violation.of(")) {
            int at = source.indexOf(call);
            while (at >= 0) {
                keys.addAll(literalsOfSecondArgument(source, at + call.length()));
                at = source.indexOf(call, at + 1);
            }
        }
        return keys;
    }

    private static List<String> literalsOfSecondArgument(String s, int from) {
        List<String> literals = new ArrayList<>();
        int depth = 0;
        int argument = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (s.charAt(end) != '"') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                if (argument == 1 && depth == 0) {
                    literals.add(s.substring(i + 1, end));
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth-- == 0) {
                    break;
                }
            } else if (c == ',' && depth == 0) {
                argument++;
            }
        }
        return literals;
    }
}
