package org.reachpbx.server.sip;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reachpbx.integrations.mwi.RegistrationDirectory;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.directory.view.TenantViewCache;

/**
 * The registered contacts of every channel, in memory, with expiry. Expired bindings are dropped
 * when read. Also answers the integrations' question where a user's devices are registered: the
 * channels whose coupled user is that user (first slice: the coupled user counts as logged in).
 */
public class RegistrationStore implements RegistrationDirectory {

    /** One contact of one channel. */
    public record Binding(long tenantId, String channel, String contact, String callId, long cseq,
                          Instant expires, String sourceAddress) {
    }

    private record Key(long tenantId, String channel) {
    }

    private final Map<Key, Map<String, Binding>> bindings = new ConcurrentHashMap<>();
    private final Clock clock;
    private final TenantViewCache views;

    public RegistrationStore(Clock clock, TenantViewCache views) {
        this.clock = clock;
        this.views = views;
    }

    /** Adds or refreshes a binding (same contact URI replaces the previous one). */
    public void bind(Binding binding) {
        bindings.computeIfAbsent(new Key(binding.tenantId(), binding.channel()), k -> new ConcurrentHashMap<>())
                .put(binding.contact(), binding);
    }

    public void unbind(long tenantId, String channel, String contact) {
        Map<String, Binding> m = bindings.get(new Key(tenantId, channel));
        if (m != null) {
            m.remove(contact);
        }
    }

    public void unbindAll(long tenantId, String channel) {
        bindings.remove(new Key(tenantId, channel));
    }

    /** The live bindings of a channel, oldest expiry first. */
    public List<Binding> bindingsOf(long tenantId, String channel) {
        Map<String, Binding> m = bindings.get(new Key(tenantId, channel));
        if (m == null) {
            return List.of();
        }
        Instant now = clock.instant();
        m.values().removeIf(b -> !b.expires().isAfter(now));
        List<Binding> live = new ArrayList<>(m.values());
        live.sort(Comparator.comparing(Binding::expires));
        return live;
    }

    @Override
    public List<String> contactsOf(long tenantId, String userExtension) {
        TenantView view = views.byId(tenantId).orElse(null);
        if (view == null || userExtension == null) {
            return List.of();
        }
        List<String> contacts = new ArrayList<>();
        for (ChannelView channel : view.channels().values()) {
            if (userExtension.equals(channel.coupledUser())) {
                bindingsOf(tenantId, channel.name()).forEach(b -> contacts.add(b.contact()));
            }
        }
        return contacts;
    }
}
