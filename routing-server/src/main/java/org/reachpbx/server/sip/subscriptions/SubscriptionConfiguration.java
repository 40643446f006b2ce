package org.reachpbx.server.sip.subscriptions;

import java.time.Clock;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.view.ServiceViewBuilder;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.integrations.mwi.MessageWaiting;
import org.reachpbx.integrations.voicemail.VoicemailBoxes;
import org.reachpbx.rules.services.ServiceView;
import org.reachpbx.server.sip.b2bua.B2bua;
import org.reachpbx.server.sip.devices.UserDevices;
import org.reachpbx.server.sip.registrar.Registrar;
import org.reachpbx.server.sip.stack.SipServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** SUBSCRIBE/NOTIFY (BLF, presence, MWI): wired into the SIP server, the B2BUA and the view cache. */
@Configuration
@EnableConfigurationProperties(SubscriptionProperties.class)
@ConditionalOnProperty(name = "pbx.sip.enabled", havingValue = "true", matchIfMissing = true)
public class SubscriptionConfiguration {

    @Bean
    public DialogStates dialogStates(B2bua b2bua) {
        DialogStates states = new DialogStates();
        b2bua.attach(states);
        states.tagsFrom(b2bua::callerDialog);
        return states;
    }

    @Bean(destroyMethod = "close")
    public Subscriptions subscriptions(SubscriptionProperties properties, Registrar registrar, TenantViewCache views,
                                       UserDevices devices, DialogStates states, TenantRepository tenants,
                                       PlatformTransactionManager transactions, ObjectProvider<MessageWaiting> mwi,
                                       ObjectProvider<VoicemailBoxes> boxes, Clock clock, SipServer sip) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        java.util.function.LongFunction<ServiceView> serviceViews = tenant -> readOnly.execute(
                s -> tenants.findById(tenant).map(ServiceViewBuilder::build)
                        .orElseThrow(() -> new IllegalArgumentException("no tenant " + tenant)));
        NotifyBodies bodies = new NotifyBodies(views, serviceViews, states, new ReachPresence(devices, states, clock),
                mwi, boxes, clock);
        Subscriptions subscriptions = new Subscriptions(properties, registrar, views, devices, bodies, clock);
        subscriptions.attach(sip);
        sip.attach(subscriptions);
        states.listen(subscriptions::callsChanged);
        views.onRefreshed(subscriptions::tenantChanged);
        return subscriptions;
    }
}
