package org.reachpbx.rules.view;

import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.ForwardCallerId;

/** A forward extension (FWD-01): an external number and the caller ID to present. */
public record ForwardView(String number, String name, String destination, ForwardCallerId callerId,
                          String callerIdNumber) implements ExtensionView {
    @Override
    public ExtensionType type() {
        return ExtensionType.FORWARD;
    }
}
