package org.reachpbx.server.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reachpbx.integrations.mwi.RegistrationDirectory;
import org.reachpbx.server.livestate.InMemoryRegistrationState;
import org.reachpbx.server.livestate.RegistrationState;

/**
 * The registered contacts of every channel, with expiry, kept in a {@link RegistrationState} (in
 * memory, or in Redis for a cluster). Expired bindings are left out when read and dropped by a
 * regular {@link #sweep()}. Which user a contact rings for is {@link UserDevices}' business.
 */
public class RegistrationStore {

    /**
     * One contact of one channel. {@code device} is the user's device this contact is (a DESKTOP
     * client or a MOBILE app registering on the user's channel with the Contact parameter
     * {@code device=<device name or type>}); null for the channel's own phone. {@code path} is the
     * REGISTER's Path header values (RFC 3327), the proxy nearest this server first: the proxies a request to this
     * contact must go through (as its route set), e.g. the Kamailio the phone registered through;
     * empty when it registered directly.
     */
    public record Binding(long tenantId, String channel, String contact, String callId, long cseq,
                          Instant expires, String sourceAddress, int sourcePort, String userAgent, String device,
                          List<String> path) {

        public Binding {
            path = path == null ? List.of() : List.copyOf(path);
        }

        public Binding(long tenantId, String channel, String contact, String callId, long cseq, Instant expires,
                       String sourceAddress, int sourcePort, String userAgent, String device) {
            this(tenantId, channel, contact, callId, cseq, expires, sourceAddress, sourcePort, userAgent, device, List.of());
        }

        public Binding(long tenantId, String channel, String contact, String callId, long cseq, Instant expires,
                       String sourceAddress) {
            this(tenantId, channel, contact, callId, cseq, expires, sourceAddress, 0, null, null);
        }
    }

    private final RegistrationState state;
    private final List<java.util.function.Consumer<Binding>> onRegistered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Clock clock;

    /** In memory: one instance, and the tests that need no other. */
    public RegistrationStore(Clock clock) {
        this(clock, new InMemoryRegistrationState());
    }

    public RegistrationStore(Clock clock, RegistrationState state) {
        this.clock = clock;
        this.state = state;
    }

    /** Adds or refreshes a binding (same contact URI replaces the previous one). */
    public void bind(Binding binding) {
        if (state.put(binding)) {
            onRegistered.forEach(listener -> listener.accept(binding));
        }
    }

    /** Channels with at least one contact now, of one tenant or (tenantId null) of all. */
    public int registeredChannels(Long tenantId) {
        return state.registeredChannels(tenantId, clock.instant());
    }

    /** The names of a tenant's channels with at least one contact now (the admin UI's extensions list). */
    public java.util.Set<String> registeredChannelNames(long tenantId) {
        return state.registeredChannelNames(tenantId, clock.instant());
    }

    /** Called with each new contact (not a refresh), e.g. to tell the phone about waiting voicemail. */
    public void onRegistered(java.util.function.Consumer<Binding> listener) {
        onRegistered.add(listener);
    }

    public void unbind(long tenantId, String channel, String contact) {
        state.remove(tenantId, channel, contact);
    }

    public void unbindAll(long tenantId, String channel) {
        state.removeAll(tenantId, channel);
    }

    /** Drops every expired binding now; run on a schedule so registrations disappear on time. */
    public int sweep() {
        return state.sweep(clock.instant());
    }

    /** Changes with every bind, unbind and expiry. */
    public long generation() {
        return state.generation();
    }

    /** Whether the channel has at least one live contact. */
    public boolean registered(long tenantId, String channel) {
        return !bindingsOf(tenantId, channel).isEmpty();
    }

    /** The live bindings of a channel, oldest expiry first. */
    public List<Binding> bindingsOf(long tenantId, String channel) {
        Instant now = clock.instant();
        List<Binding> live = new ArrayList<>();
        for (Binding b : state.of(tenantId, channel)) {
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
        return state.local().filter(b -> b.sourceAddress() != null && b.sourcePort() > 0 && b.expires().isAfter(now)
                        && ContactAddress.isTls(b.contact()) && ContactAddress.names(b.contact(), host, port))
                .findFirst().map(b -> new java.net.InetSocketAddress(b.sourceAddress(), b.sourcePort()));
    }

    public List<RegistrationDirectory.ChannelRegistration> registrationsOf(long tenantId, String channel) {
        return bindingsOf(tenantId, channel).stream().map(b -> new RegistrationDirectory.ChannelRegistration(b.channel(), b.contact(),
                b.sourceAddress(), b.sourcePort(), b.userAgent(), b.expires(), b.device())).toList();
    }
}
