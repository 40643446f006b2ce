package org.reachpbx.ui.i18n;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of the enum constants a routing decision carries as text (issue 17, defect 2): the
 * rules note a barring category, a presence or a forward caller ID by its constant ("class
 * PREMIUM_0900", "status BUSY"), and the decision's destination category is a constant's name. A
 * user reads "0900 numbers" / "0900-nummers". A constant is looked up under each area's key prefix
 * in turn, the texts the forms use for the same choice; a word that is no known constant (a number,
 * an extension's name) is left as it is.
 */
public final class ConstantLabels {

    /** Where the labels are, most specific first: a presence's "BUSY" reads "busy" before a cause's. */
    private static final List<String> PREFIXES = List.of(
            "config.choice.BarringCategory.",
            "reach.presence.",
            "config.choice.ForwardCallerId.",
            "config.choice.LbrType.",
            "config.choice.DeviceType.",
            "config.choice.DayOfWeek.",
            "sim.cause.",
            "sim.mediaKind.");

    /** A word in capitals and digits, optionally joined by underscores: what an enum constant looks like. */
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

    private ConstantLabels() {
    }

    /** The label of one constant, or the constant itself when it has none. */
    public static String label(String constant, UnaryOperator<String> translate) {
        if (constant == null) {
            return "";
        }
        for (String prefix : PREFIXES) {
            String text = translate.apply(prefix + constant);
            if (text != null && !text.isBlank() && !text.startsWith("!")) {
                return text;
            }
        }
        return constant;
    }

    /** The text with every known constant in it replaced by its label. */
    public static String inText(String text, UnaryOperator<String> translate) {
        if (text == null) {
            return null;
        }
        Matcher m = CONSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(label(m.group(), translate)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
