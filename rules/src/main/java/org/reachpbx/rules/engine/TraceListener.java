package org.reachpbx.rules.engine;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records every rule that fires into the decision's {@link Trace}. */
final class TraceListener extends DefaultAgendaEventListener {
    private final Trace trace;

    TraceListener(Trace trace) {
        this.trace = trace;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        trace.firing(event.getMatch().getRule().getName());
    }
}
