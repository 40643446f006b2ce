package org.reachpbx.server.sip.stack;

import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.b2bua.CallHandler;
import org.reachpbx.server.sip.b2bua.CallRecorder;
import org.reachpbx.server.sip.b2bua.LiveCalls;
import org.reachpbx.server.sip.b2bua.Trunks;
import org.reachpbx.server.sip.devices.DeviceLoginService;
import org.reachpbx.server.sip.devices.DeviceLogins;
import org.reachpbx.server.sip.devices.UserDevices;
import org.reachpbx.server.sip.edge.EdgeProperties;
import org.reachpbx.server.sip.edge.SipEdge;
import org.reachpbx.server.sip.registrar.DigestAuth;
import org.reachpbx.server.sip.registrar.Registrar;
import org.reachpbx.server.sip.registrar.RegistrationStore;
import org.reachpbx.server.sip.registrar.RegistrationSweeper;
import org.reachpbx.server.sip.registrar.SipCredentials;

import java.time.Clock;
import org.reachpbx.server.livestate.CallCounters;
import org.reachpbx.server.livestate.LoginState;
import org.reachpbx.server.livestate.RegistrationState;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.integrations.events.CallEventPublisher;
import org.reachpbx.integrations.mwi.MessageWaiting;
import org.reachpbx.rules.engine.RoutingEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The SIP server (docs/sip.md): off with {@code pbx.sip.enabled=false}. */
@Configuration
@EnableConfigurationProperties({SipProperties.class, EdgeProperties.class})
@ConditionalOnProperty(name = "pbx.sip.enabled", havingValue = "true", matchIfMissing = true)
public class SipConfiguration {

    @Bean
    public RegistrationStore registrationStore(Clock clock, RegistrationState state) {
        return new RegistrationStore(clock, state);
    }

    @Bean
    public RegistrationSweeper registrationSweeper(RegistrationStore store, SipProperties properties) {
        return new RegistrationSweeper(store, properties);
    }

    @Bean
    public DeviceLogins deviceLogins(LoginState state) {
        return new DeviceLogins(state);
    }

    @Bean
    public Trunks trunks(SipProperties properties) {
        return new Trunks(properties);
    }

    /** Also the integrations' {@code RegistrationDirectory}: where a user's devices are registered. */
    @Bean
    public UserDevices userDevices(RegistrationStore store, DeviceLogins logins, TenantViewCache views, Trunks trunks) {
        return new UserDevices(store, logins, views, trunks);
    }

    @Bean
    public DeviceLoginService deviceLoginService(TenantViewCache views, TenantRepository tenants,
                                                 PlatformTransactionManager transactions, DeviceLogins logins,
                                                 RegistrationStore store, Clock clock,
                                                 org.reachpbx.directory.access.PhoneAudit audit) {
        return new DeviceLoginService(views, tenants, transactions, logins, store, clock, audit);
    }

    @Bean
    public LiveCalls liveCalls(CallCounters counters) {
        return new LiveCalls(counters);
    }

    @Bean
    public DigestAuth digestAuth(Clock clock, SipProperties properties) {
        return new DigestAuth(clock, properties.getNonceLifetime());
    }

    @Bean
    public SipCredentials sipCredentials(TenantRepository tenants, PlatformTransactionManager transactions) {
        return new SipCredentials(tenants, transactions);
    }

    @Bean
    public Registrar registrar(SipProperties properties, SipCredentials credentials, TenantViewCache views,
                               RegistrationStore store, DigestAuth digest, Clock clock) {
        return new Registrar(properties, credentials, views, store, digest, clock);
    }

    @Bean
    public B2bua b2bua(SipProperties properties, UserDevices devices, Trunks trunks, LiveCalls live, Clock clock,
                       ObjectProvider<CallEventPublisher> publisher, RegistrationStore store, TenantViewCache views,
                       ObjectProvider<MessageWaiting> messageWaiting, CallRecorder callRecorder) {
        B2bua b2bua = new B2bua(properties, devices, trunks, live, clock, publisher);
        // A parameter, not a lookup: the recorder then outlives the B2BUA at shutdown and takes its last records.
        b2bua.attach(callRecorder);
        // A phone that registers learns at once whether voicemail waits for its user (MWI): a NOTIFY
        // to that phone alone, so that it does not wait behind the user's other (maybe dead) phones.
        store.onRegistered(binding -> views.byId(binding.tenantId()).ifPresent(view -> {
            String user = devices.userOn(view, binding.channel());
            MessageWaiting mwi = messageWaiting.getIfAvailable();
            if (user != null && mwi != null) {
                b2bua.background(() -> mwi.registered(binding.tenantId(), user, binding.contact()));
            }
        }));
        return b2bua;
    }

    @Bean
    public CallHandler callHandler(Registrar registrar, TenantViewCache views, RoutingEngine engine, Clock clock,
                                   Trunks trunks, UserDevices devices, LiveCalls live, B2bua b2bua) {
        return new CallHandler(registrar, views, engine, clock, trunks, devices, live, b2bua);
    }

    /** Rate limits, bans and the accounting of bad messages (docs/sip-edge.md); trunks are never limited. */
    @Bean
    public SipEdge sipEdge(EdgeProperties edgeProperties, SipProperties properties, Clock clock,
                           ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters, Registrar registrar) {
        java.util.List<String> trunkAddresses = new java.util.ArrayList<>();
        for (SipProperties.Trunk trunk : properties.getTrunks()) {
            if (trunk.getHost() != null) {
                trunkAddresses.add(trunk.getHost());
            }
            trunkAddresses.addAll(trunk.getInboundAddresses());
        }
        SipEdge edge = new SipEdge(edgeProperties, clock,
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new), trunkAddresses);
        registrar.onAuthenticationFailure(edge::authenticationFailed);
        return edge;
    }

    /** The SIP edge's bans and counters for the admin UI (SipEdgeView). */
    @Bean
    public org.reachpbx.ui.edge.SipEdgeStatus sipEdgeStatus(SipEdge edge) {
        return new org.reachpbx.server.sip.edge.SipEdgeUiStatus(edge);
    }

    @Bean
    public SipServer sipServer(SipProperties properties, Registrar registrar, CallHandler calls, B2bua b2bua,
                               SipEdge edge) {
        return new SipServer(properties, registrar, calls, b2bua, edge);
    }
}
