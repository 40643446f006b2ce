package org.reachpbx.rules.services;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the services need beyond the {@code TenantView}: privacy rights per member → target
 * (PRV-02), users with the park right (PARK-01) and the time-configuration right (NP-17), twinning
 * (USR-07), channels linked to a user (USR-10), group privacy settings (GRP-08) and the account
 * facilities. Built by {@code directory}'s {@code ServiceViewBuilder}.
 */
public record ServiceView(List<RightView> rights, Set<String> parkRight, Set<String> timeConfigurationRight,
                          boolean twinningFacility, boolean presenceFacility, Set<String> twinning,
                          Map<String, String> linkedChannels, Map<String, GroupPrivacyView> groups) {
    public ServiceView {
        rights = List.copyOf(rights);
        parkRight = Set.copyOf(parkRight);
        timeConfigurationRight = Set.copyOf(timeConfigurationRight);
        twinning = Set.copyOf(twinning);
        linkedChannels = Map.copyOf(linkedChannels);
        groups = Map.copyOf(groups);
    }

    /** PRV-07: rights from several groups add up; the first row granting decides the delay. */
    public RightView right(String member, String target, java.util.function.Predicate<RightView> flag) {
        for (RightView r : rights) {
            if (r.member().equals(member) && r.target().equals(target) && flag.test(r)) {
                return r;
            }
        }
        return null;
    }

    public boolean may(String member, String target, java.util.function.Predicate<RightView> flag) {
        return member != null && target != null && right(member, target, flag) != null;
    }

    /** Twinning needs the account facility and the user's switch (USR-07). */
    public boolean twins(String user) {
        return twinningFacility && user != null && twinning.contains(user);
    }
}
