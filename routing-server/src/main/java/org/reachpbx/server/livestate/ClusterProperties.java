package org.reachpbx.server.livestate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of a cluster's shared live state ({@code pbx.cluster.*}, docs/cluster.md). */
@ConfigurationProperties("pbx.cluster")
public class ClusterProperties {
    /** Redis of the cluster, e.g. {@code redis://127.0.0.1:6379}; empty: live state in memory (one instance). */
    private String redisUrl = "";
    /**
     * Redis Sentinel instead of one address: the sentinels, comma-separated {@code host:port} (or
     * {@code redis://host:port}), e.g. {@code 10.0.0.5:26379,10.0.0.6:26379,10.0.0.7:26379}. Set,
     * the instance asks them for the current primary of {@link #redisSentinelMaster} and follows a
     * failover; {@link #redisUrl} is then not used.
     */
    private String redisSentinelNodes = "";
    /** The name the sentinels monitor the primary under ({@code sentinel monitor <name> ...}). */
    private String redisSentinelMaster = "mymaster";
    /** Prefix of every Redis key, so that several clusters (or tests) can share one Redis. */
    private String keyPrefix = "pbx";
    /** How long a call's counters outlive an instance that stopped renewing them (crashed). */
    private Duration lease = Duration.ofSeconds(30);
    /** How often leases are renewed and, in degraded mode, Redis is probed; at most a third of the lease. */
    private Duration renew = Duration.ofSeconds(10);
    /** How long a Redis command may take before the instance goes into degraded mode. */
    private Duration redisTimeout = Duration.ofMillis(1000);

    public String getRedisUrl() {
        return redisUrl;
    }

    public void setRedisUrl(String redisUrl) {
        this.redisUrl = redisUrl;
    }

    public String getRedisSentinelNodes() {
        return redisSentinelNodes;
    }

    public void setRedisSentinelNodes(String redisSentinelNodes) {
        this.redisSentinelNodes = redisSentinelNodes;
    }

    public String getRedisSentinelMaster() {
        return redisSentinelMaster;
    }

    public void setRedisSentinelMaster(String redisSentinelMaster) {
        this.redisSentinelMaster = redisSentinelMaster;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getRenew() {
        return renew;
    }

    public void setRenew(Duration renew) {
        this.renew = renew;
    }

    public Duration getRedisTimeout() {
        return redisTimeout;
    }

    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = redisTimeout;
    }
}
