package org.reachpbx.server.metrics;

import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.ui.calls.LiveStatus;
import org.springframework.beans.factory.ObjectProvider;

/** The admin UI's dashboard reads the live counters of the B2BUA and the registrar here; 0 without SIP. */
public class ServerLiveStatus implements LiveStatus {

    private final ObjectProvider<B2bua> b2bua;
    private final ObjectProvider<RegistrationStore> registrations;

    public ServerLiveStatus(ObjectProvider<B2bua> b2bua, ObjectProvider<RegistrationStore> registrations) {
        this.b2bua = b2bua;
        this.registrations = registrations;
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
