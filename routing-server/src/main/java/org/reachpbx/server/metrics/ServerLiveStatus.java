package org.reachpbx.server.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.view.ExtensionView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.b2bua.LiveCalls;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.ui.calls.LiveStatus;
import org.springframework.beans.factory.ObjectProvider;

/** The admin UI's dashboard reads the live counters of the B2BUA and the registrar here; 0 without SIP. */
public class ServerLiveStatus implements LiveStatus {

    private final ObjectProvider<B2bua> b2bua;
    private final ObjectProvider<RegistrationStore> registrations;
    private final ObjectProvider<LiveCalls> calls;
    private final TenantViewCache views;
    private final ObjectProvider<org.reachpbx.server.sip.b2bua.Trunks> trunks;

    public ServerLiveStatus(ObjectProvider<B2bua> b2bua, ObjectProvider<RegistrationStore> registrations,
                            ObjectProvider<LiveCalls> calls, TenantViewCache views,
                            ObjectProvider<org.reachpbx.server.sip.b2bua.Trunks> trunks) {
        this.trunks = trunks;
        this.b2bua = b2bua;
        this.registrations = registrations;
        this.calls = calls;
        this.views = views;
    }

    @Override
    public java.util.List<String> trunks() {
        org.reachpbx.server.sip.b2bua.Trunks t = trunks.getIfAvailable();
        return t == null ? java.util.List.of() : t.all().stream().map(tr -> tr.getName()).toList();
    }

    /** One pass over the tenant's users with one lookup each in the registrar and the live calls. */
    @Override
    public Map<String, UserState> userStates(long tenantId) {
        TenantView view = views.byId(tenantId).orElse(null);
        RegistrationStore r = registrations.getIfAvailable();
        LiveCalls live = calls.getIfAvailable();
        if (view == null || r == null) {
            return Map.of();
        }
        Set<String> registered = r.registeredChannelNames(tenantId);
        Set<String> inCall = live == null ? Set.of() : live.usersInCall(tenantId);
        Set<String> busy = live == null ? Set.of() : live.busyUsers(view);
        Map<String, UserState> states = new HashMap<>();
        for (ExtensionView e : view.extensions().values()) {
            if (!(e instanceof UserView u)) {
                continue;
            }
            if (busy.contains(u.number())) {
                states.put(u.number(), UserState.BUSY);
            } else if (inCall.contains(u.number())) {
                states.put(u.number(), UserState.IN_CALL);
            } else if (u.devices().stream().anyMatch(d -> d.channel() != null && registered.contains(d.channel()))) {
                states.put(u.number(), UserState.REGISTERED);
            }
        }
        return states;
    }

    @Override
    public int callsInProgress(Long tenantId) {
        B2bua b = b2bua.getIfAvailable();
        if (b == null) {
            return 0;
        }
        return tenantId == null ? b.callsInProgress() : b.callsInProgress(tenantId);
    }

    @Override
    public int registeredChannels(Long tenantId) {
        RegistrationStore r = registrations.getIfAvailable();
        return r == null ? 0 : r.registeredChannels(tenantId);
    }
}
