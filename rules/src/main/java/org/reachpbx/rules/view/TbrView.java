package org.reachpbx.rules.view;

import java.util.List;
import org.reachpbx.rules.vocabulary.ExtensionType;

/** A time-based routing extension (TBR-01): periods in order, default destination. */
public record TbrView(String number, String name, String defaultDestination, List<TbrPeriodView> periods)
        implements ExtensionView {
    public TbrView {
        periods = List.copyOf(periods);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.TBR;
    }
}
