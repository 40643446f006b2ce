package org.reachpbx.rules.view;

import java.util.List;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.reachpbx.rules.vocabulary.ForwardCallerId;

/** A group extension (GRP-01): members, individual forwarding, forwards per caller origin (GRP-04). */
public record GroupView(String number, String name, List<String> members, boolean individualForwarding,
                        GroupForwardsView internalForwards, GroupForwardsView externalForwards,
                        ForwardCallerId forwardCallerId) implements ExtensionView {
    public GroupView {
        members = List.copyOf(members);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.GROUP;
    }
}
