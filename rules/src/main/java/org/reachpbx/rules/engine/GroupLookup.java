package org.reachpbx.rules.engine;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.GroupForwardsView;
import org.reachpbx.rules.view.GroupView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;

/** A call to a group (GRP-01): the forward set for the caller's origin (GRP-04) and the members that can be offered the call. */
@ClassReactive
public final class GroupLookup {
    private final Hop hop;
    private final GroupView group;
    private final GroupForwardsView forwards;
    private final List<UserView> available = new ArrayList<>();
    private final Call call;
    private boolean acted;
    private boolean ringing;
    private boolean noAnswerDecided;
    private boolean busyDecided;

    public GroupLookup(Hop hop, Call call, TenantView view) {
        this.hop = hop;
        this.call = call;
        this.group = (GroupView) hop.getExtension();
        this.forwards = call.isInternalCaller() ? group.internalForwards() : group.externalForwards();
        for (String m : group.members()) {
            UserView u = view.user(m);
            if (u != null && !call.isBusy(m) && (group.individualForwarding() || !reachableDevices(u).isEmpty())) {
                available.add(u);
            }
        }
    }

    /** The member's devices that can ring now (members ring directly without individual forwarding). */
    public List<DeviceView> reachableDevices(UserView u) {
        List<DeviceView> out = new ArrayList<>();
        for (DeviceView d : u.devices()) {
            if (call.isReachable(u.number(), d.name())) {
                out.add(d);
            }
        }
        return out;
    }

    public Hop getHop() { return hop; }
    public GroupView getGroup() { return group; }
    public GroupForwardsView getForwards() { return forwards; }
    public boolean isInternalForwards() { return call.isInternalCaller(); }
    public List<UserView> getAvailableMembers() { return available; }
    public boolean isNoMemberAvailable() { return available.isEmpty(); }
    public boolean isIndividualForwarding() { return group.individualForwarding(); }
    public boolean isAlwaysSet() { return !forwards.always().isEmpty(); }
    public boolean isOnBusySet() { return !forwards.onBusy().isEmpty(); }
    public boolean isOnNoAnswerSet() { return !forwards.onNoAnswer().isEmpty(); }
    public boolean isActed() { return acted; }
    public boolean isRinging() { return ringing; }
    public boolean isNoAnswerDecided() { return noAnswerDecided; }
    public boolean isBusyDecided() { return busyDecided; }
    public void markActed() { this.acted = true; }
    public void markRinging() { this.acted = true; this.ringing = true; }
    public void markNoAnswerDecided() { this.noAnswerDecided = true; }
    public void markBusyDecided() { this.busyDecided = true; }
}
