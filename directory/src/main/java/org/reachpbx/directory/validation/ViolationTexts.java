package org.reachpbx.directory.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences that say why a configuration cannot be stored, one text key per sentence:
 * {@code violation.<key>} in {@code texts/violations_en.properties}, with its data as {0}, {1}, ...
 * The English text is what the REST API and the YAML import answer; the admin UI shows the same key
 * in its own language ({@code texts/violations_nl.properties} of the admin UI). The placeholders
 * are filled as they are, not by {@code MessageFormat}: an apostrophe around a name is just a letter.
 */
public final class ViolationTexts {

    /** Where the English sentences are; the admin UI adds the other languages under the same name. */
    public static final String BUNDLE = "texts/violations";
    public static final String PREFIX = "violation.";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Map<String, String> ENGLISH = load();

    private ViolationTexts() {
    }

    /** The keys (without {@link #PREFIX}) of every sentence. */
    public static Set<String> keys() {
        return ENGLISH.keySet();
    }

    /** The English sentence of {@code key} with its data filled in. */
    public static String english(String key, List<String> args) {
        String text = ENGLISH.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no sentence for violation key '" + key + "' in " + BUNDLE + "_en.properties");
        }
        return fill(text, args);
    }

    /**
     * The key of a sentence without data, found by its English text: how a field constraint's own
     * message ({@code @Pattern(message = "must be a time of day ...")}) gets its key.
     */
    public static Optional<String> keyOf(String englishSentence) {
        return ENGLISH.entrySet().stream()
                .filter(e -> !PLACEHOLDER.matcher(e.getValue()).find() && e.getValue().equals(englishSentence))
                .map(Map.Entry::getKey).findFirst();
    }

    /** {0}, {1}, ... of {@code text} replaced by the data. */
    public static String fill(String text, List<String> args) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < args.size() ? String.valueOf(args.get(i)) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> load() {
        Properties english = new Properties();
        try (InputStream in = ViolationTexts.class.getClassLoader().getResourceAsStream(BUNDLE + "_en.properties")) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + "_en.properties is missing");
            }
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sentences = new TreeMap<>();
        english.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> sentences.put(k.substring(PREFIX.length()), english.getProperty(k)));
        return Map.copyOf(sentences);
    }
}
