package org.reachpbx.server.sip.media.queue;

import java.time.Clock;
import org.reachpbx.server.queue.InMemoryQueueLiveState;
import org.reachpbx.server.queue.QueueEvents;
import org.reachpbx.server.queue.QueueLiveState;
import org.reachpbx.server.sip.media.MediaServices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The queue runtime (ACD): live state in memory unless another store is configured, and the dispatcher. */
@Configuration
@org.springframework.boot.context.properties.EnableConfigurationProperties(org.reachpbx.server.queue.QueueProperties.class)
@ConditionalOnProperty(name = {"pbx.sip.enabled", "pbx.media.enabled"}, havingValue = "true", matchIfMissing = true)
public class QueueConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public QueueLiveState queueLiveState() {
        return new InMemoryQueueLiveState();
    }

    @Bean(destroyMethod = "shutdown")
    public org.reachpbx.server.queue.QueueEventLog queueEventLog(
            org.reachpbx.directory.queue.QueueCallEventRepository events,
            org.reachpbx.server.queue.QueueProperties properties, Clock clock) {
        return new org.reachpbx.server.queue.QueueEventLog(events, properties, clock);
    }

    @Bean
    public org.reachpbx.server.queue.ServerQueueBoard queueBoard(QueueLiveState live,
            org.reachpbx.directory.view.TenantViewCache views, Clock clock) {
        return new org.reachpbx.server.queue.ServerQueueBoard(live, views, clock);
    }

    @Bean(destroyMethod = "shutdown")
    public QueueDispatcher queueDispatcher(QueueLiveState live, ObjectProvider<QueueEvents> events, Clock clock,
                                           MediaServices services,
                                           ObjectProvider<org.reachpbx.directory.access.PhoneAudit> phoneAudit,
                                           ObjectProvider<org.reachpbx.server.sip.b2bua.LiveCalls> liveCalls) {
        // Every call a user has up counts for the queue rules (QUE-08, QUE-33), not only queue calls.
        org.reachpbx.server.sip.b2bua.LiveCalls calls = liveCalls.getIfAvailable();
        AgentStates.UserCalls userCalls = calls == null ? AgentStates.UserCalls.NONE
                : (tenant, user) -> calls.userCalls(tenant, user);
        QueueDispatcher dispatcher = new QueueDispatcher(live, events.getIfAvailable(() -> QueueEvents.NONE), clock,
                userCalls);
        services.queues(dispatcher::callFor);
        // 903/904 by phone (QUE-10, QUE-11): the same rules and live state as the REST login, audited like it.
        org.reachpbx.directory.access.PhoneAudit audit = phoneAudit.getIfAvailable();
        QueueAgentLogin.Audit trail = (tenant, agent, action, detail) -> {
            if (audit != null) {
                audit.record(agent, tenant, action, detail);
            }
        };
        services.systemCode("903", service -> new QueueAgentLogin(dispatcher, trail, true));
        services.systemCode("904", service -> new QueueAgentLogin(dispatcher, trail, false));
        return dispatcher;
    }
}
