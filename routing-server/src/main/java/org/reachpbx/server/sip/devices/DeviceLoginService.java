package org.reachpbx.server.sip.devices;

import org.reachpbx.server.sip.registrar.RegistrationStore;

import java.util.List;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.view.ServiceViewBuilder;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.services.ServiceDecision;
import org.reachpbx.rules.services.ServiceEngine;
import org.reachpbx.rules.services.ServiceKind;
import org.reachpbx.rules.services.ServiceOutcome;
import org.reachpbx.rules.services.ServiceRequest;
import org.reachpbx.rules.services.ServiceView;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logging users in and out of channels (901 / 902, until the phone menus come with the media
 * server): the service rules decide (hotdesking, twinning with at most 2 fixed devices, linked
 * channels; USR-04..07, USR-10) and this class stores what they decided in {@link DeviceLogins}.
 */
public class DeviceLoginService {

    /** What happened: the rules' outcome, their reason, what to ask (a move), and who was logged out. */
    public record Result(ServiceOutcome outcome, String reason, String ask, List<String> loggedOutChannels,
                         String loggedOutUser) {
    }

    private final TenantViewCache views;
    private final TenantRepository tenants;
    private final TransactionTemplate readOnly;
    private final DeviceLogins logins;
    private final RegistrationStore registrations;
    private final ServiceEngine engine = new ServiceEngine();
    private final java.time.Clock clock;
    private final org.reachpbx.directory.access.PhoneAudit audit;

    public DeviceLoginService(TenantViewCache views, TenantRepository tenants, PlatformTransactionManager transactions,
                              DeviceLogins logins, RegistrationStore registrations, java.time.Clock clock,
                              org.reachpbx.directory.access.PhoneAudit audit) {
        this.audit = audit;
        this.views = views;
        this.tenants = tenants;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.logins = logins;
        this.registrations = registrations;
        this.clock = clock;
    }

    /**
     * Logs {@code user} in on {@code channel}. With {@code accept} the user agrees to move the
     * login off their other fixed devices when the rules offer that.
     *
     * @throws IllegalArgumentException for an unknown tenant, user or channel
     */
    public synchronized Result logIn(long tenantId, String user, String channel, boolean accept) {
        TenantView view = view(tenantId, user, channel);
        List<String> others = logins.channelsOf(tenantId, user).stream().filter(c -> !c.equals(channel)).toList();
        ServiceRequest request = request(ServiceKind.LOGIN, user, channel, accept, others, logins.userOn(tenantId, channel),
                null);
        ServiceDecision d = engine.decide(request, view, services(tenantId), clock);
        if (d.outcome() == ServiceOutcome.ALLOWED) {
            List<String> out = d.logOutChannels() == null ? List.of() : d.logOutChannels();
            out.forEach(c -> logins.logOut(tenantId, c));
            String from = registrations.bindingsOf(tenantId, channel).stream().findFirst()
                    .map(RegistrationStore.Binding::sourceAddress).orElse(null);
            logins.logIn(tenantId, user, channel, from);
            audit.record(user, tenantId, "Device logins: log in by phone", "user " + user + " on " + channel
                    + (out.isEmpty() ? "" : "; logged out of " + String.join(", ", out)));
            return new Result(d.outcome(), d.reason(), null, out, d.logOutUser());
        }
        return new Result(d.outcome(), d.reason(), d.ask(), List.of(), null);
    }

    /** Logs the user on {@code channel} out (902): of this device only, or of all their devices. */
    public synchronized Result logOut(long tenantId, String channel, boolean allDevices) {
        TenantView view = views.byId(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
        ChannelView c = view.channel(channel);
        if (c == null) {
            throw new IllegalArgumentException("no channel " + channel);
        }
        String user = c.coupledUser() != null ? c.coupledUser() : logins.userOn(tenantId, channel);
        if (user == null) {
            return new Result(ServiceOutcome.REFUSED, "nobody is logged in on " + channel, null, List.of(), null);
        }
        List<String> loggedIn = new java.util.ArrayList<>(logins.channelsOf(tenantId, user));
        if (!loggedIn.contains(channel)) {
            loggedIn.add(channel);
        }
        ServiceRequest request = request(ServiceKind.LOGOUT, user, channel, false, loggedIn, user, allDevices ? 2 : 1);
        ServiceDecision d = engine.decide(request, view, services(tenantId), clock);
        if (d.outcome() == ServiceOutcome.ALLOWED) {
            List<String> out = d.logOutChannels() == null ? List.of(channel) : d.logOutChannels();
            out.forEach(gone -> logins.logOut(tenantId, gone));
            audit.record(user, tenantId, "Device logins: log out by phone", "user " + user + " of " + String.join(", ", out));
            return new Result(d.outcome(), d.reason(), null, out, user);
        }
        return new Result(d.outcome(), d.reason(), d.ask(), List.of(), null);
    }

    private TenantView view(long tenantId, String user, String channel) {
        TenantView view = views.byId(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
        if (view.user(user) == null) {
            throw new IllegalArgumentException("no user " + user);
        }
        if (view.channel(channel) == null) {
            throw new IllegalArgumentException("no channel " + channel);
        }
        return view;
    }

    private ServiceView services(long tenantId) {
        return readOnly.execute(s -> tenants.findById(tenantId).map(ServiceViewBuilder::build)
                .orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId)));
    }

    private static ServiceRequest request(ServiceKind kind, String user, String channel, boolean accept,
                                          List<String> loggedIn, String channelUser, Integer option) {
        return new ServiceRequest(kind, user, channel, null, DeviceType.FIXED, false, kind == ServiceKind.LOGIN ? "901" : "902",
                null, option, null, null, null, null, false, false, false, accept, false, loggedIn, channelUser,
                null, null, null, null, null, null);
    }
}
