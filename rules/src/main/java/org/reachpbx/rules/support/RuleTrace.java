package org.reachpbx.rules.support;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.reachpbx.rules.decision.FiredRule;

/**
 * The explanation of a decision, shared by every rule unit: each rule that fired, in order, with
 * the requirement ID its name starts with ("REACH-10 forward always …") and the details its
 * consequence noted. Registered as the agenda listener of a long-lived rule-unit instance and
 * cleared before each decision.
 */
public final class RuleTrace extends DefaultAgendaEventListener {
    private final List<String> rules = new ArrayList<>();
    private final List<StringBuilder> details = new ArrayList<>();

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        rules.add(event.getMatch().getRule().getName());
        details.add(new StringBuilder());
    }

    /** Adds a detail to the rule firing now. */
    public void note(String detail) {
        if (details.isEmpty()) {
            return;
        }
        StringBuilder b = details.get(details.size() - 1);
        b.append(b.length() > 0 ? "; " : "").append(detail);
    }

    /** The rules fired so far, with their requirement IDs and details. */
    public List<FiredRule> fired() {
        List<FiredRule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            String name = rules.get(i);
            int space = name.indexOf(' ');
            out.add(new FiredRule(name, space > 0 ? name.substring(0, space) : name,
                    details.get(i).length() == 0 ? null : details.get(i).toString()));
        }
        return out;
    }

    /** Forgets everything: the next decision starts. */
    public void clear() {
        rules.clear();
        details.clear();
    }
}
