package org.reachpbx.server.livestate;

import java.time.Instant;
import java.util.Collection;
import java.util.stream.Stream;
import org.reachpbx.server.sip.registrar.RegistrationStore.Binding;

/**
 * Where registered contacts are kept. {@link org.reachpbx.server.sip.registrar.RegistrationStore}
 * decides what is live (by its clock) and tells listeners; this only stores.
 */
public interface RegistrationState {

    /** Adds or replaces the binding of its contact; true when that contact was not bound before. */
    boolean put(Binding binding);

    /** True when the contact was bound. */
    boolean remove(long tenantId, String channel, String contact);

    /** True when the channel had any contact. */
    boolean removeAll(long tenantId, String channel);

    /** The bindings of a channel, expired ones not yet swept included, in no order. */
    Collection<Binding> of(long tenantId, String channel);

    /** Drops the bindings that expired at {@code now}; how many. */
    int sweep(Instant now);

    /** Changes with every put, remove and sweep that dropped something (of any instance). */
    long generation();

    /** Channels with a binding that is live at {@code now}, of one tenant or (null) of all. */
    int registeredChannels(Long tenantId, Instant now);

    /** The names of one tenant's channels with a binding that is live at {@code now}. */
    java.util.Set<String> registeredChannelNames(long tenantId, Instant now);

    /**
     * The bindings that came in through this instance (its own connections, e.g. TLS flows, can
     * only reach those); all of them in memory.
     */
    Stream<Binding> local();
}
