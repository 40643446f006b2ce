package org.reachpbx.server.livestate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.reachpbx.server.sip.registrar.RegistrationStore.Binding;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RMapCache;
import org.redisson.api.RScoredSortedSet;
import org.redisson.client.codec.StringCodec;

/**
 * Registrations in Redis, seen by every instance and kept over a restart: per channel a map
 * contact → binding (JSON) whose entries Redis drops a while after they expire, and one sorted set
 * of every binding by expiry time, from which the sweep (of any instance) drops them on time. The
 * bindings that came in through this instance are also kept locally: its TLS flows, and what it
 * answers from while Redis is down (degraded mode), publishing them again when Redis is back.
 */
public class RedisRegistrationState implements RegistrationState, RedisLink.Participant {

    /** Redis keeps an expired entry this long before dropping it itself (the sweep is normally first). */
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofSeconds(30);

    /** The sorted set's member: which binding expires. */
    private record Entry(long tenantId, String channel, String contact) {
    }

    private final RedisLink link;
    private final ObjectMapper json;
    private final Clock clock;
    private final InMemoryRegistrationState local = new InMemoryRegistrationState();
    private final RScoredSortedSet<String> expiries;
    private final RAtomicLong generation;

    public RedisRegistrationState(RedisLink link, ObjectMapper json, Clock clock) {
        this.link = link;
        this.json = json;
        this.clock = clock;
        this.expiries = link.redis().getScoredSortedSet(link.key("registrations:expiry"), StringCodec.INSTANCE);
        this.generation = link.redis().getAtomicLong(link.key("registrations:generation"));
        link.join(this);
    }

    private RMapCache<String, String> channel(long tenantId, String channel) {
        return link.redis().getMapCache(link.key("registrations:" + tenantId + ":" + channel), StringCodec.INSTANCE);
    }

    @Override
    public boolean put(Binding binding) {
        boolean newHere = local.put(binding);
        return link.call(() -> publish(binding), () -> newHere);
    }

    private boolean publish(Binding binding) {
        long ttl = Math.max(1, Duration.between(clock.instant(), binding.expires()).plus(KEEP_AFTER_EXPIRY).toMillis());
        String before = channel(binding.tenantId(), binding.channel())
                .put(binding.contact(), write(binding), ttl, TimeUnit.MILLISECONDS);
        expiries.add(binding.expires().toEpochMilli(), write(new Entry(binding.tenantId(), binding.channel(), binding.contact())));
        generation.incrementAndGet();
        return before == null;
    }

    @Override
    public boolean remove(long tenantId, String channel, String contact) {
        boolean here = local.remove(tenantId, channel, contact);
        return link.call(() -> {
            expiries.remove(write(new Entry(tenantId, channel, contact)));
            boolean removed = channel(tenantId, channel).fastRemove(contact) > 0;
            if (removed) {
                generation.incrementAndGet();
            }
            return removed;
        }, () -> here);
    }

    @Override
    public boolean removeAll(long tenantId, String channel) {
        boolean here = local.removeAll(tenantId, channel);
        return link.call(() -> {
            RMapCache<String, String> map = channel(tenantId, channel);
            Set<String> contacts = map.readAllKeySet();
            contacts.forEach(c -> expiries.remove(write(new Entry(tenantId, channel, c))));
            boolean removed = map.delete();
            if (removed) {
                generation.incrementAndGet();
            }
            return removed;
        }, () -> here);
    }

    @Override
    public Collection<Binding> of(long tenantId, String channel) {
        return link.call(() -> {
            Collection<String> values = channel(tenantId, channel).readAllValues();
            List<Binding> out = new ArrayList<>(values.size());
            values.forEach(v -> out.add(read(v, Binding.class)));
            return out;
        }, () -> local.of(tenantId, channel));
    }

    @Override
    public int sweep(Instant now) {
        local.sweep(now);
        return link.call(() -> {
            int dropped = 0;
            for (String member : expiries.valueRange(Double.NEGATIVE_INFINITY, true, now.toEpochMilli(), true)) {
                Entry e = read(member, Entry.class);
                RMapCache<String, String> map = channel(e.tenantId(), e.channel());
                String value = map.get(e.contact());
                // A binding refreshed after the range was read has a later expiry: it stays.
                if (value != null && read(value, Binding.class).expires().isAfter(now)) {
                    continue;
                }
                expiries.remove(member);
                if (value != null && map.fastRemove(e.contact()) > 0) {
                    dropped++;
                }
            }
            if (dropped > 0) {
                generation.incrementAndGet();
            }
            return dropped;
        }, () -> 0);
    }

    @Override
    public long generation() {
        // Redis' counter changes with every instance's registrations; the local one while degraded.
        return link.call(generation::get, () -> -1 - local.generation());
    }

    @Override
    public int registeredChannels(Long tenantId, Instant now) {
        return link.call(() -> {
            Set<String> channels = new HashSet<>();
            for (String member : expiries.valueRange(now.toEpochMilli(), false, Double.POSITIVE_INFINITY, true)) {
                Entry e = read(member, Entry.class);
                if (tenantId == null || e.tenantId() == tenantId) {
                    channels.add(e.tenantId() + ":" + e.channel());
                }
            }
            return channels.size();
        }, () -> local.registeredChannels(tenantId, now));
    }

    @Override
    public java.util.Set<String> registeredChannelNames(long tenantId, Instant now) {
        return link.call(() -> {
            Set<String> channels = new HashSet<>();
            for (String member : expiries.valueRange(now.toEpochMilli(), false, Double.POSITIVE_INFINITY, true)) {
                Entry e = read(member, Entry.class);
                if (e.tenantId() == tenantId) {
                    channels.add(e.channel());
                }
            }
            return channels;
        }, () -> local.registeredChannelNames(tenantId, now));
    }

    @Override
    public Stream<Binding> local() {
        return local.local();
    }

    @Override
    public void heartbeat() {
        // Nothing to renew: a binding lives as long as its registration says.
    }

    /** After an outage: what registered here meanwhile (or was lost with Redis) is published again. */
    @Override
    public void recovered() {
        Instant now = clock.instant();
        local.local().filter(b -> b.expires().isAfter(now)).forEach(this::publish);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write live state " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable live state in Redis for " + type.getSimpleName(), e);
        }
    }
}
