package org.reachpbx.server.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reachpbx.integrations.mwi.RegistrationDirectory;

/**
 * The registered contacts of every channel, in memory, with expiry. Expired bindings are dropped
 * when read and by a regular {@link #sweep()}. Which user a contact rings for is {@link UserDevices}'
 * business.
 */
public class RegistrationStore {

    /** One contact of one channel. */
    /**
     * One contact of one channel. {@code device} is the user's device this contact is (a DESKTOP
     * client or a MOBILE app registering on the user's channel with the Contact parameter
     * {@code device=<device name or type>}); null for the channel's own phone.
     */
    public record Binding(long tenantId, String channel, String contact, String callId, long cseq,
                          Instant expires, String sourceAddress, int sourcePort, String userAgent, String device) {

        public Binding(long tenantId, String channel, String contact, String callId, long cseq, Instant expires,
                       String sourceAddress) {
            this(tenantId, channel, contact, callId, cseq, expires, sourceAddress, 0, null, null);
        }
    }

    private record Key(long tenantId, String channel) {
    }

    private final Map<Key, Map<String, Binding>> bindings = new ConcurrentHashMap<>();
    /** Bumped on every change, so derived state (who is reachable) knows when to look again. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final List<java.util.function.Consumer<Binding>> onRegistered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Clock clock;

    public RegistrationStore(Clock clock) {
        this.clock = clock;
    }

    /** Adds or refreshes a binding (same contact URI replaces the previous one). */
    public void bind(Binding binding) {
        Binding before = bindings.computeIfAbsent(new Key(binding.tenantId(), binding.channel()),
                k -> new ConcurrentHashMap<>()).put(binding.contact(), binding);
        generation.incrementAndGet();
        if (before == null) {
            onRegistered.forEach(listener -> listener.accept(binding));
        }
    }

    /** Channels with at least one contact now, of one tenant or (tenantId null) of all. */
    public int registeredChannels(Long tenantId) {
        int n = 0;
        for (var e : bindings.entrySet()) {
            if ((tenantId == null || e.getKey().tenantId() == tenantId) && !e.getValue().isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** The names of a tenant's channels with at least one contact now (the admin UI's extensions list). */
    public java.util.Set<String> registeredChannelNames(long tenantId) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (var e : bindings.entrySet()) {
            if (e.getKey().tenantId() == tenantId && !e.getValue().isEmpty()) {
                names.add(e.getKey().channel());
            }
        }
        return names;
    }

    /** Called with each new contact (not a refresh), e.g. to tell the phone about waiting voicemail. */
    public void onRegistered(java.util.function.Consumer<Binding> listener) {
        onRegistered.add(listener);
    }

    public void unbind(long tenantId, String channel, String contact) {
        Map<String, Binding> m = bindings.get(new Key(tenantId, channel));
        if (m != null && m.remove(contact) != null) {
            generation.incrementAndGet();
        }
    }

    public void unbindAll(long tenantId, String channel) {
        if (bindings.remove(new Key(tenantId, channel)) != null) {
            generation.incrementAndGet();
        }
    }

    /** Drops every expired binding now; run on a schedule so registrations disappear on time. */
    public int sweep() {
        Instant now = clock.instant();
        int dropped = 0;
        for (Map<String, Binding> m : bindings.values()) {
            int before = m.size();
            m.values().removeIf(b -> !b.expires().isAfter(now));
            dropped += before - m.size();
        }
        bindings.values().removeIf(Map::isEmpty);
        if (dropped > 0) {
            generation.incrementAndGet();
        }
        return dropped;
    }

    /** Changes with every bind, unbind and expiry. */
    public long generation() {
        return generation.get();
    }

    /** Whether the channel has at least one live contact. */
    public boolean registered(long tenantId, String channel) {
        return !bindingsOf(tenantId, channel).isEmpty();
    }

    /** The live bindings of a channel, oldest expiry first. */
    public List<Binding> bindingsOf(long tenantId, String channel) {
        Map<String, Binding> m = bindings.get(new Key(tenantId, channel));
        if (m == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Binding> live = new ArrayList<>(m.size());
        for (Binding b : m.values()) {
            if (b.expires().isAfter(now)) {
                live.add(b);
            }
        }
        live.sort(Comparator.comparing(Binding::expires));
        return live;
    }

    /**
     * Where the connection of a phone that registered over TLS with a Contact at {@code host:port}
     * came from (its address and source port), so that requests to it can reuse that connection;
     * empty when no live TLS binding has that Contact. A linear look-up: only TLS requests ask.
     */
    public java.util.Optional<java.net.InetSocketAddress> tlsFlow(String host, int port) {
        Instant now = clock.instant();
        for (Map<String, Binding> m : bindings.values()) {
            for (Binding b : m.values()) {
                if (b.sourceAddress() != null && b.sourcePort() > 0 && b.expires().isAfter(now)
                        && ContactAddress.isTls(b.contact()) && ContactAddress.names(b.contact(), host, port)) {
                    return java.util.Optional.of(new java.net.InetSocketAddress(b.sourceAddress(), b.sourcePort()));
                }
            }
        }
        return java.util.Optional.empty();
    }

    public List<RegistrationDirectory.ChannelRegistration> registrationsOf(long tenantId, String channel) {
        return bindingsOf(tenantId, channel).stream().map(b -> new RegistrationDirectory.ChannelRegistration(b.channel(), b.contact(),
                b.sourceAddress(), b.sourcePort(), b.userAgent(), b.expires(), b.device())).toList();
    }
}
