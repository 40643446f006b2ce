package org.reachpbx.server.cluster;

import org.reachpbx.directory.store.TenantChangedEvent;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.tables.TableRegistry;
import org.reachpbx.server.livestate.LiveStateConfiguration;
import org.reachpbx.server.livestate.RedisLink;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

/** A cluster's instances share configuration changes at once when they share a Redis (docs/cluster.md). */
@Configuration
@ConditionalOnExpression(LiveStateConfiguration.IN_REDIS)
public class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    public ClusterChanges clusterChanges(RedisLink link, TenantViewCache views, TableRegistry tables) {
        return new ClusterChanges(link, views, tables);
    }

    /** Announced after the commit, as this instance's own view cache rebuilds then. */
    @Bean
    public ApplicationListener<PayloadApplicationEvent<TenantChangedEvent>> announceTenantChanges(ClusterChanges changes) {
        return TransactionalApplicationListener.forPayload(TransactionPhase.AFTER_COMMIT, changes::tenantChanged);
    }
}
