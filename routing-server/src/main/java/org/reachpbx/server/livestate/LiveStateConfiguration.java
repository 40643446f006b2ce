package org.reachpbx.server.livestate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which live state the server uses: in memory (default), or Redis shared by a cluster when
 * {@code pbx.cluster.redis-url} (one Redis) or {@code pbx.cluster.redis-sentinel-nodes} (Redis
 * Sentinel) is set. Redisson is configured here by hand (its Spring Boot starter
 * brings its own Spring Data version).
 */
@Configuration
@EnableConfigurationProperties(ClusterProperties.class)
public class LiveStateConfiguration {

    /** Live state in Redis: one address or Sentinel set (also the condition of the cluster's change topic). */
    public static final String IN_REDIS =
            "!'${pbx.cluster.redis-url:}'.isBlank() or !'${pbx.cluster.redis-sentinel-nodes:}'.isBlank()";
    private static final String IN_MEMORY = "!(" + IN_REDIS + ")";

    @Configuration
    @ConditionalOnExpression(IN_MEMORY)
    static class InMemory {
        @Bean
        RegistrationState registrationState() {
            return new InMemoryRegistrationState();
        }

        @Bean
        LoginState loginState() {
            return new InMemoryLoginState();
        }

        @Bean
        CallCounters callCounters() {
            return new InMemoryCallCounters();
        }
    }

    @Configuration
    @ConditionalOnExpression(IN_REDIS)
    static class InRedis {
        private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

        @Bean(destroyMethod = "shutdown")
        RedissonClient redisson(ClusterProperties cluster) {
            return Redisson.create(redissonConfig(cluster));
        }

        @Bean
        RedisLink redisLink(RedissonClient redis, ClusterProperties cluster) {
            return new RedisLink(redis, cluster.getKeyPrefix(), renewEvery(cluster));
        }

        @Bean
        RegistrationState registrationState(RedisLink link, Clock clock) {
            return new RedisRegistrationState(link, json, clock);
        }

        @Bean
        LoginState loginState(RedisLink link) {
            return new RedisLoginState(link, json);
        }

        @Bean
        CallCounters callCounters(RedisLink link, ClusterProperties cluster) {
            return new RedisCallCounters(link, cluster.getLease());
        }
    }

    /**
     * Short timeouts and one retry: a Redis that does not answer must put the instance into degraded
     * mode quickly instead of holding up call set-up. Lazy: an instance starts while Redis is down.
     */
    public static Config redissonConfig(ClusterProperties cluster) {
        Config config = new Config();
        config.setLazyInitialization(true);
        int timeout = (int) cluster.getRedisTimeout().toMillis();
        ConstantDelay retryDelay = new ConstantDelay(Duration.ofMillis(Math.max(50, timeout / 4)));
        ConstantDelay reconnectionDelay = new ConstantDelay(Duration.ofMillis(200));
        if (!cluster.getRedisSentinelNodes().isBlank()) {
            // Sentinel (production, docs/cluster.md): Redisson asks the sentinels for the primary and
            // moves to the new one after a failover; reads go to the primary too (the counters must
            // see their own writes at once).
            var sentinels = config.useSentinelServers().setMasterName(cluster.getRedisSentinelMaster())
                    .setReadMode(org.redisson.config.ReadMode.MASTER).setCheckSentinelsList(false)
                    .setTimeout(timeout).setConnectTimeout(timeout).setRetryAttempts(1).setRetryDelay(retryDelay)
                    .setReconnectionDelay(reconnectionDelay);
            for (String node : cluster.getRedisSentinelNodes().split(",")) {
                String address = node.trim();
                if (!address.isEmpty()) {
                    sentinels.addSentinelAddress(address.contains("://") ? address : "redis://" + address);
                }
            }
            return config;
        }
        config.useSingleServer().setAddress(cluster.getRedisUrl()).setTimeout(timeout).setConnectTimeout(timeout)
                .setRetryAttempts(1).setRetryDelay(retryDelay).setReconnectionDelay(reconnectionDelay);
        return config;
    }

    /** The heartbeat: as configured, but at least three times per lease. */
    public static Duration renewEvery(ClusterProperties cluster) {
        Duration third = cluster.getLease().dividedBy(3);
        return cluster.getRenew().compareTo(third) < 0 ? cluster.getRenew() : third;
    }
}
