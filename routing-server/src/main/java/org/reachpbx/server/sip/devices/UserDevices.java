package org.reachpbx.server.sip.devices;

import org.reachpbx.server.sip.b2bua.Trunks;
import org.reachpbx.server.sip.registrar.RegistrationStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.integrations.mwi.RegistrationDirectory;
import org.reachpbx.rules.view.ChannelView;
import org.reachpbx.rules.view.DeviceView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.view.UserView;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.server.sip.registrar.RegistrationStore.Binding;

/**
 * Where a user's devices can be rung now, from the registrations and the logins:
 * <ul>
 *   <li>a FIXED device rings the phones registered on its channel, and on the channels the user
 *       logged in on (901) or is linked to;</li>
 *   <li>a DESKTOP or MOBILE device rings the clients registered on one of those channels with the
 *       Contact parameter {@code device=<device name or type>} (USR-08);</li>
 *   <li>a MOBILE device without such a client rings its mobile number over the outbound trunk.</li>
 * </ul>
 * The rules get the other side of this as the set of unreachable devices (REACH-14), cached per
 * tenant until a registration, login or the configuration changes.
 */
public class UserDevices implements RegistrationDirectory {

    /**
     * A place to ring: a registered contact (with its channel and the Path it registered through,
     * RFC 3327) or a number over the trunk.
     */
    public record Destination(String contact, String channel, String number, List<String> path) {
        public Destination {
            path = path == null ? List.of() : path;
        }

        public Destination(String contact, String channel, String number) {
            this(contact, channel, number, List.of());
        }

        static Destination contact(Binding b) {
            return new Destination(b.contact(), b.channel(), null, b.path());
        }

        public static Destination number(String number) {
            return new Destination(null, null, number);
        }
    }

    private record Cached(TenantView view, long registrations, long logins, Set<String> unreachable) {
    }

    private final RegistrationStore registrations;
    private final DeviceLogins logins;
    private final TenantViewCache views;
    private final Trunks trunks;
    private final Map<Long, Cached> unreachable = new ConcurrentHashMap<>();
    /** Per tenant view: the channels each user is linked to, so no lookup scans all channels. */
    private final Map<Long, Linked> linked = new ConcurrentHashMap<>();

    private record Linked(TenantView view, Map<String, List<String>> channelsByUser) {
    }

    public UserDevices(RegistrationStore registrations, DeviceLogins logins, TenantViewCache views, Trunks trunks) {
        this.registrations = registrations;
        this.logins = logins;
        this.views = views;
        this.trunks = trunks;
    }

    /** The places to ring for one device of a user; empty when it cannot ring now. */
    public List<Destination> destinations(TenantView view, String user, String deviceName) {
        UserView u = view.user(user);
        DeviceView device = u == null ? null : u.device(deviceName);
        if (device == null) {
            return List.of();
        }
        List<Destination> found = new ArrayList<>();
        for (String channel : channelsOf(view, user, device)) {
            for (Binding b : registrations.bindingsOf(view.tenantId(), channel)) {
                if (belongsTo(b, device)) {
                    found.add(Destination.contact(b));
                }
            }
        }
        if (found.isEmpty() && device.type() == DeviceType.MOBILE && device.mobileNumber() != null
                && trunks.outbound().isPresent()) {
            found.add(Destination.number(device.mobileNumber()));
        }
        return found;
    }

    /** The devices ("user/device") of the tenant that cannot ring now, for the routing rules. */
    public Set<String> unreachable(TenantView view) {
        long regs = registrations.generation();
        long logs = logins.generation();
        Cached c = unreachable.get(view.tenantId());
        if (c != null && c.view() == view && c.registrations() == regs && c.logins() == logs) {
            return c.unreachable();
        }
        Set<String> down = new HashSet<>();
        for (var e : view.extensions().values()) {
            if (e instanceof UserView u) {
                for (DeviceView d : u.devices()) {
                    if (destinations(view, u.number(), d.name()).isEmpty()) {
                        down.add(u.number() + "/" + d.name());
                    }
                }
            }
        }
        Set<String> result = Set.copyOf(down);
        unreachable.put(view.tenantId(), new Cached(view, regs, logs, result));
        return result;
    }

    /** The user's channels: a fixed device's own channel, plus those the user is logged in on or linked to. */
    private List<String> channelsOf(TenantView view, String user, DeviceView device) {
        List<String> channels = new ArrayList<>();
        if (device.channel() != null) {
            channels.add(device.channel());
        }
        for (String c : logins.channelsOf(view.tenantId(), user)) {
            if (!channels.contains(c)) {
                channels.add(c);
            }
        }
        for (String c : linkedChannels(view, user)) {
            if (!channels.contains(c)) {
                channels.add(c);
            }
        }
        return channels;
    }

    private List<String> linkedChannels(TenantView view, String user) {
        Linked l = linked.get(view.tenantId());
        if (l == null || l.view() != view) {
            Map<String, List<String>> byUser = new java.util.HashMap<>();
            for (ChannelView c : view.channels().values()) {
                if (c.coupledUser() != null) {
                    byUser.computeIfAbsent(c.coupledUser(), u -> new ArrayList<>()).add(c.name());
                }
            }
            l = new Linked(view, byUser);
            linked.put(view.tenantId(), l);
        }
        return l.channelsByUser().getOrDefault(user, List.of());
    }

    /** A tagged contact is that device's client; an untagged one is the channel's phone (FIXED). */
    private static boolean belongsTo(Binding b, DeviceView device) {
        if (b.device() == null) {
            return device.type() == DeviceType.FIXED;
        }
        return b.device().equalsIgnoreCase(device.name()) || b.device().equalsIgnoreCase(device.type().name());
    }

    /**
     * The kind of device a call placed from this channel comes from: a client registered with
     * {@code device=<name or type>} whose contact is {@code contact} is that device of the user
     * (DESKTOP, MOBILE: its area code for 112 and local numbers, CH-03; 13x codes, REACH-18);
     * anything else is the channel's own phone, FIXED.
     */
    public DeviceType deviceTypeOf(TenantView view, String channel, String user, String contact) {
        String from = bare(contact);
        UserView u = user == null ? null : view.user(user);
        if (from == null || u == null) {
            return DeviceType.FIXED;
        }
        for (Binding b : registrations.bindingsOf(view.tenantId(), channel)) {
            if (b.device() != null && from.equals(bare(b.contact()))) {
                for (DeviceView d : u.devices()) {
                    if (d.type() != DeviceType.FIXED && belongsTo(b, d)) {
                        return d.type();
                    }
                }
            }
        }
        return DeviceType.FIXED;
    }

    /** A contact URI without angle brackets and parameters, for comparing. */
    private static String bare(String contact) {
        if (contact == null) {
            return null;
        }
        String c = contact.trim();
        int lt = c.indexOf('<');
        if (lt >= 0) {
            c = c.substring(lt + 1, c.indexOf('>', lt) < 0 ? c.length() : c.indexOf('>', lt));
        }
        int semi = c.indexOf(';');
        return (semi < 0 ? c : c.substring(0, semi)).toLowerCase(java.util.Locale.ROOT);
    }

    /** The user logged in on the channel: the one who placed a call from it (901 login or link). */
    public String userOn(TenantView view, String channel) {
        ChannelView c = view.channel(channel);
        if (c != null && c.coupledUser() != null) {
            return c.coupledUser();
        }
        return logins.userOn(view.tenantId(), channel);
    }

    /** Where the 901 login on this channel came from (IPL-01), or null. */
    public String loginAddress(TenantView view, String channel) {
        return logins.loginAddress(view.tenantId(), channel);
    }

    @Override
    public List<String> contactsOf(long tenantId, String userExtension) {
        TenantView view = views.byId(tenantId).orElse(null);
        UserView u = view == null || userExtension == null ? null : view.user(userExtension);
        if (u == null) {
            return List.of();
        }
        List<String> contacts = new ArrayList<>();
        for (DeviceView d : u.devices()) {
            for (Destination dest : destinations(view, userExtension, d.name())) {
                if (dest.contact() != null && !contacts.contains(dest.contact())) {
                    contacts.add(dest.contact());
                }
            }
        }
        return contacts;
    }

    @Override
    public List<ChannelRegistration> registrationsOf(long tenantId, String channel) {
        return registrations.registrationsOf(tenantId, channel);
    }
}
