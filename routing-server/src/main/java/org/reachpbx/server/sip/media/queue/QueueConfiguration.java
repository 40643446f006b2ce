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
                                           MediaServices services) {
        QueueDispatcher dispatcher = new QueueDispatcher(live, events.getIfAvailable(() -> QueueEvents.NONE), clock);
        services.queues(dispatcher::callFor);
        return dispatcher;
    }
}
