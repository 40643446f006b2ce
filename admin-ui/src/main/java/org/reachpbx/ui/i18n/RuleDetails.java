package org.reachpbx.ui.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The details of the rules' trace and the reasons of a refusal in the UI language (issue 17, defect
 * 2). The rules write them in English with data in between ("category PREMIUM_0906 is blocked",
 * "after 20 s to 0612345678"); each such phrase is a {@code detail.*} line of
 * {@code texts/rules_en.properties} with its data as {0}, {1}, ... and the same key in the other
 * languages says it there ("categorie {0} is geblokkeerd"). A detail is matched against the English
 * phrases, the one with the most words first; the data it holds is shown with the labels of the
 * constants in it ({@link ConstantLabels}) and is itself matched again, so a phrase inside a phrase
 * reads in the language too ("... (manual override)"). A detail no phrase matches is shown as the
 * rule wrote it, its constants labelled: a new rule is never hidden.
 */
public final class RuleDetails {

    private static final String PREFIX = "detail.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final List<Phrase> PHRASES = load();

    private RuleDetails() {
    }

    /** One English phrase: its key, the pattern that reads its data, and where each datum goes. */
    record Phrase(String key, Pattern english, int[] order, int literalLength) {
    }

    /** The detail in the language {@code translate} speaks. */
    public static String inText(String detail, UnaryOperator<String> translate) {
        return inText(detail, translate, 0);
    }

    /**
     * A stored refusal as the call records keep it, {@code CAUSE: reason} ("BARRED: category
     * PREMIUM_0906 is blocked"): the cause by its label, the reason in the language.
     */
    public static String cause(String cause, UnaryOperator<String> translate) {
        if (cause == null) {
            return null;
        }
        int colon = cause.indexOf(": ");
        if (colon < 0) {
            return inText(cause, translate);
        }
        return ConstantLabels.label(cause.substring(0, colon), translate) + ": "
                + inText(cause.substring(colon + 2), translate);
    }

    private static String inText(String detail, UnaryOperator<String> translate, int depth) {
        if (detail == null || detail.isBlank() || depth > 3) {
            return ConstantLabels.inText(detail, translate);
        }
        for (Phrase phrase : PHRASES) {
            Matcher m = phrase.english().matcher(detail);
            if (!m.matches()) {
                continue;
            }
            String text = translate.apply(phrase.key());
            if (text == null || text.isBlank() || text.startsWith("!")) {
                break;
            }
            Object[] data = new Object[phrase.order().length];
            for (int g = 0; g < phrase.order().length; g++) {
                data[phrase.order()[g]] = inText(m.group(g + 1), translate, depth + 1);
            }
            return fill(text, data);
        }
        return ConstantLabels.inText(detail, translate);
    }

    /** {0}, {1}, ... of {@code text} replaced by the data (not MessageFormat: an apostrophe is just a letter). */
    private static String fill(String text, Object[] data) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < data.length ? String.valueOf(data[i]) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The English phrases, the longest (most specific) first. */
    static List<Phrase> phrases() {
        return PHRASES;
    }

    private static List<Phrase> load() {
        Properties english = new Properties();
        try (InputStream in = RuleDetails.class.getClassLoader().getResourceAsStream("texts/rules_en.properties")) {
            if (in == null) {
                return List.of();
            }
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Phrase> phrases = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                phrases.add(compile(key, english.getProperty(key)));
            }
        }
        phrases.sort(Comparator.comparingInt(Phrase::literalLength).reversed().thenComparing(Phrase::key));
        return List.copyOf(phrases);
    }

    static Phrase compile(String key, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder regex = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        int at = 0;
        int literal = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start()))).append("(.+?)");
            literal += m.start() - at;
            order.add(Integer.parseInt(m.group(1)));
            at = m.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        literal += text.length() - at;
        return new Phrase(key, Pattern.compile(regex.toString(), Pattern.DOTALL),
                order.stream().mapToInt(Integer::intValue).toArray(), literal);
    }
}
