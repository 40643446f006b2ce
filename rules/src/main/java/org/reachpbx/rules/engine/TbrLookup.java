package org.reachpbx.rules.engine;

import org.reachpbx.rules.view.TbrPeriodView;
import org.reachpbx.rules.view.TbrView;

/** A call to a time-based routing extension (TBR-01) and the first period covering now (TBR-04). */
public final class TbrLookup {
    private final Hop hop;
    private final TbrView tbr;
    private final TbrPeriodView period;

    public TbrLookup(Hop hop, Call call) {
        this.hop = hop;
        this.tbr = (TbrView) hop.getExtension();
        TbrPeriodView first = null;
        for (TbrPeriodView p : tbr.periods()) {
            if (p.window().contains(call.getNow())) {
                first = p;
                break;
            }
        }
        this.period = first;
    }

    public Hop getHop() { return hop; }
    public TbrView getTbr() { return tbr; }
    public TbrPeriodView getPeriod() { return period; }
}
