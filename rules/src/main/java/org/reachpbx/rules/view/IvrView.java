package org.reachpbx.rules.view;

import java.util.List;
import org.reachpbx.rules.vocabulary.ExtensionType;

/** An IVR (IVR-01..07): menu options, max digits, failover after a timeout. */
public record IvrView(String number, String name, String sound, boolean ringback, int maxDigits,
                      Integer failoverTimeout, String failoverDestination, List<IvrOptionView> options)
        implements ExtensionView {
    public IvrView {
        options = List.copyOf(options);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.IVR;
    }

    public IvrOptionView option(String digits) {
        for (IvrOptionView o : options) {
            if (o.digits().equals(digits)) {
                return o;
            }
        }
        return null;
    }
}
