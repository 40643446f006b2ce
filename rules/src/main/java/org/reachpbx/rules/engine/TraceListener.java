package org.reachpbx.rules.engine;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records every rule that fires into the decision's {@link Trace}. */
final class TraceListener extends DefaultAgendaEventListener {
    private Trace trace;

    /** The trace of the decision being made now. */
    void record(Trace trace) {
        this.trace = trace;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        trace.firing(event.getMatch().getRule().getName());
    }
}
