package org.reachpbx.rules.queue;

import java.util.List;

/** The strategy's agent order for this decision (QUE-14 … QUE-21). Never modified. */
public final class Ranking {
    private final List<String> order;

    public Ranking(List<String> order) {
        this.order = List.copyOf(order);
    }

    public List<String> getOrder() { return order; }
}
