package org.reachpbx.rules.engine;

import java.util.ArrayList;
import java.util.List;
import org.reachpbx.rules.decision.FiredRule;

/**
 * The explanation of a decision: every rule that fired, in order, with the requirement ID its name
 * starts with, and the detail the rule noted. Rules name their requirement first, e.g.
 * "REACH-10 forward always sends every call to its destination".
 */
public final class Trace {
    private final List<String> rules = new ArrayList<>();
    private final List<StringBuilder> details = new ArrayList<>();

    /** Called by {@link TraceListener} before each rule fires. */
    void firing(String ruleName) {
        rules.add(ruleName);
        details.add(new StringBuilder());
    }

    /** Adds a detail to the rule firing now. */
    public void note(String detail) {
        if (details.isEmpty()) {
            return;
        }
        StringBuilder b = details.get(details.size() - 1);
        if (b.length() > 0) {
            b.append("; ");
        }
        b.append(detail);
    }

    List<FiredRule> fired() {
        List<FiredRule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            String name = rules.get(i);
            int space = name.indexOf(' ');
            String id = space > 0 ? name.substring(0, space) : name;
            out.add(new FiredRule(name, id, details.get(i).length() == 0 ? null : details.get(i).toString()));
        }
        return out;
    }

    void clear() {
        rules.clear();
        details.clear();
    }
}
