package org.reachpbx.rules.queue;

/** An arriving caller who joined the queue (QUE-04): the announcement rules match it. Never modified. */
public final class Arrival {
    private final WaitingCaller caller;

    public Arrival(WaitingCaller caller) {
        this.caller = caller;
    }

    public WaitingCaller getCaller() { return caller; }
}
