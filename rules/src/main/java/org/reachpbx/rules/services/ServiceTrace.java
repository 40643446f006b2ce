package org.reachpbx.rules.services;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.reachpbx.rules.decision.FiredRule;

/** Records every service rule that fires, with the requirement ID its name starts with, and its notes. */
final class ServiceTrace extends DefaultAgendaEventListener {
    private final List<String> rules = new ArrayList<>();
    private final List<StringBuilder> details = new ArrayList<>();

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        rules.add(event.getMatch().getRule().getName());
        details.add(new StringBuilder());
    }

    void note(String detail) {
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
            out.add(new FiredRule(name, space > 0 ? name.substring(0, space) : name,
                    details.get(i).length() == 0 ? null : details.get(i).toString()));
        }
        return out;
    }

    void clear() {
        rules.clear();
        details.clear();
    }
}
