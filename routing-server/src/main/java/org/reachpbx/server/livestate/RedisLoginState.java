package org.reachpbx.server.livestate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RMap;
import org.redisson.client.codec.StringCodec;

/**
 * Device logins in Redis (a hash per tenant: channel → login as JSON), seen by every instance and
 * kept over restarts. Logins made here are also kept locally, for the degraded mode, and published
 * again when Redis is back.
 */
public class RedisLoginState implements LoginState, RedisLink.Participant {

    private final RedisLink link;
    private final ObjectMapper json;
    private final InMemoryLoginState local = new InMemoryLoginState();
    private final RAtomicLong generation;

    public RedisLoginState(RedisLink link, ObjectMapper json) {
        this.link = link;
        this.json = json;
        this.generation = link.redis().getAtomicLong(link.key("logins:generation"));
        link.join(this);
    }

    private RMap<String, String> tenant(long tenantId) {
        return link.redis().getMap(link.key("logins:" + tenantId), StringCodec.INSTANCE);
    }

    @Override
    public void put(long tenantId, String channel, Login login) {
        local.put(tenantId, channel, login);
        link.write(() -> publish(tenantId, channel, login));
    }

    private void publish(long tenantId, String channel, Login login) {
        tenant(tenantId).fastPut(channel, write(login));
        generation.incrementAndGet();
    }

    @Override
    public boolean remove(long tenantId, String channel) {
        boolean here = local.remove(tenantId, channel);
        return link.call(() -> {
            boolean removed = tenant(tenantId).fastRemove(channel) > 0;
            if (removed) {
                generation.incrementAndGet();
            }
            return removed;
        }, () -> here);
    }

    @Override
    public Login get(long tenantId, String channel) {
        return link.call(() -> {
            String value = tenant(tenantId).get(channel);
            return value == null ? null : read(value);
        }, () -> local.get(tenantId, channel));
    }

    @Override
    public Map<String, Login> of(long tenantId) {
        return link.call(() -> {
            Map<String, Login> out = new HashMap<>();
            tenant(tenantId).readAllMap().forEach((channel, value) -> out.put(channel, read(value)));
            return out;
        }, () -> local.of(tenantId));
    }

    @Override
    public long generation() {
        return link.call(generation::get, () -> -1 - local.generation());
    }

    @Override
    public void heartbeat() {
        // Logins do not expire.
    }

    @Override
    public void recovered() {
        // Logins made here during the outage; a logout made here meanwhile is not replayed (docs/cluster.md).
        for (long tenantId : local.tenants()) {
            local.of(tenantId).forEach((channel, login) -> publish(tenantId, channel, login));
        }
    }

    private String write(Login login) {
        try {
            return json.writeValueAsString(login);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a login", e);
        }
    }

    private Login read(String value) {
        try {
            return json.readValue(value, Login.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable login in Redis", e);
        }
    }
}
