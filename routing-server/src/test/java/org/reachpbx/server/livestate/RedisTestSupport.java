package org.reachpbx.server.livestate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Instances of the Redis live state on a real Redis (127.0.0.1:6379 unless told otherwise), each
 * test with its own key prefix so that tests and other users of that Redis do not meet; the keys
 * are deleted and the clients shut down by {@link #close()}.
 */
final class RedisTestSupport implements AutoCloseable {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    /** One instance of the server's live state, as LiveStateConfiguration builds it. */
    record Instance(RedissonClient redis, RedisLink link) implements AutoCloseable {
        /** Shuts the instance down without releasing anything: what kill -9 leaves behind. */
        @Override
        public void close() {
            link.close();
            redis.shutdown();
        }
    }

    final String prefix = "test-" + UUID.randomUUID();
    private final List<Instance> instances = new ArrayList<>();

    /** Skips the test (with how to fix it) when nothing answers on the address. */
    static void assumeRedis(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
        } catch (Exception e) {
            assumeTrue(false, "no Redis answers on " + host + ":" + port
                    + " (start redis-server; .ci/run installs and starts it and fails when Redis* tests are skipped)");
        }
    }

    Instance instance(String url, Duration lease, Duration timeout) {
        return instance(lease, timeout, cluster -> cluster.setRedisUrl(url));
    }

    /** An instance whose Redis is set by {@code where} (e.g. Sentinel). */
    Instance instance(Duration lease, Duration timeout, java.util.function.Consumer<ClusterProperties> where) {
        ClusterProperties cluster = new ClusterProperties();
        where.accept(cluster);
        cluster.setKeyPrefix(prefix);
        cluster.setLease(lease);
        cluster.setRenew(lease.dividedBy(3));
        cluster.setRedisTimeout(timeout);
        RedissonClient redis = Redisson.create(LiveStateConfiguration.redissonConfig(cluster));
        Instance instance = new Instance(redis, new RedisLink(redis, prefix, LiveStateConfiguration.renewEvery(cluster)));
        instances.add(instance);
        return instance;
    }

    @Override
    public void close() {
        for (Instance i : instances) {
            try {
                if (!i.redis().isShutdown()) {
                    // Redisson's TTL maps keep their expiry sets in keys named "redisson__...{<name>}".
                    i.redis().getKeys().deleteByPattern("*" + prefix + ":*");
                }
            } catch (RuntimeException e) {
                // Redis already gone (the degraded-mode test stops its own).
            }
            i.close();
        }
    }
}
