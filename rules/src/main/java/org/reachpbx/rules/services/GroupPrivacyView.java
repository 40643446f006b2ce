package org.reachpbx.rules.services;

import java.util.List;
import java.util.Set;

/**
 * A group extension's privacy settings (GRP-08): its members, the two outsider switches and the
 * users of the privacy groups added to it.
 */
public record GroupPrivacyView(String group, List<String> members, boolean outsidersMayPickup,
                               boolean outsidersSeeNotifications, Set<String> addedUsers) {
    public GroupPrivacyView {
        members = List.copyOf(members);
        addedUsers = Set.copyOf(addedUsers);
    }
}
