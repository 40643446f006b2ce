package org.reachpbx.rules.view;

import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.ForwardCallerId;

/** A call-limit extension (CLX-01); {@code aboveLimitDestination} "busy" means busy tone. */
public record CallLimitView(String number, String name, int callLimit, ForwardCallerId callerId,
                            String callerIdNumber, String withinLimitDestination, String aboveLimitDestination)
        implements ExtensionView {
    @Override
    public ExtensionType type() {
        return ExtensionType.CALL_LIMIT;
    }
}
