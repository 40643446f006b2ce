package org.reachpbx.directory.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.GroupExtension;
import org.reachpbx.directory.model.PrivacyGroup;
import org.reachpbx.directory.model.PrivacyRight;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.rules.services.GroupPrivacyView;
import org.reachpbx.rules.services.RightView;
import org.reachpbx.rules.services.ServiceView;

/**
 * Builds the {@link ServiceView} the service rules need from a tenant's entities: the privacy
 * rights per member → target (PRV-02), the park right (PARK-01), the time-configuration right
 * (NP-17), twinning (USR-07), linked channels (USR-10) and group privacy settings (GRP-08). Kept
 * apart from {@link TenantViewBuilder} so the routing view does not change.
 */
public final class ServiceViewBuilder {
    private ServiceViewBuilder() {
    }

    public static ServiceView build(Tenant tenant) {
        List<RightView> rights = new ArrayList<>();
        Map<String, List<String>> groupMembers = new HashMap<>();
        for (PrivacyGroup g : tenant.getPrivacyGroups()) {
            groupMembers.put(g.getName(), g.getMembers());
            for (String member : g.getMembers()) {
                for (PrivacyRight r : g.getRights()) {
                    rights.add(new RightView(g.getName(), member, r.getTarget(), r.isPickup(), r.isPresence(),
                            r.isNotifications(), r.getNotificationDelay(), r.isListenIn(), r.isRetrieveParked()));
                }
            }
        }
        Set<String> park = new HashSet<>();
        Set<String> timeConfiguration = new HashSet<>();
        Set<String> twinning = new HashSet<>();
        for (UserExtension u : tenant.getUsers()) {
            if (u.isCallParking()) {
                park.add(u.getNumber());
            }
            if (u.getRights() != null && u.getRights().isTimeConfiguration()) {
                timeConfiguration.add(u.getNumber());
            }
            if (u.isTwinning()) {
                twinning.add(u.getNumber());
            }
        }
        Map<String, String> linked = new HashMap<>();
        for (Channel c : tenant.getChannels()) {
            if (c.getCoupledUser() != null && !c.getCoupledUser().isBlank()) {
                linked.put(c.getName(), c.getCoupledUser());
            }
        }
        Map<String, GroupPrivacyView> groups = new HashMap<>();
        for (GroupExtension g : tenant.getGroups()) {
            Set<String> added = new LinkedHashSet<>();
            for (String pg : g.getPrivacyGroups()) {
                added.addAll(groupMembers.getOrDefault(pg, List.of()));
            }
            groups.put(g.getNumber(), new GroupPrivacyView(g.getNumber(), g.getMembers(), g.isOutsidersMayPickup(),
                    g.isOutsidersSeeNotifications(), added));
        }
        boolean twinningFacility = tenant.getFacilities() != null && tenant.getFacilities().isTwinning();
        boolean presence = tenant.getFacilities() == null || tenant.getFacilities().isPresence();
        return new ServiceView(rights, park, timeConfiguration, twinningFacility, presence, twinning, linked, groups);
    }
}
