package org.reachpbx.server.sip.devices;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which user is logged in on which channel (901, USR-04), in memory. A channel with a linked user
 * (USR-10) counts as logged in without an entry here. What a login is allowed to do (twinning,
 * hotdesking, a linked channel) is decided by the service rules; this class only stores the result.
 */
public class DeviceLogins {

    private record Key(long tenantId, String channel) {
    }

    private final Map<Key, String> userOnChannel = new ConcurrentHashMap<>();
    /** Where each login came from: with IP listing, calls from that address are allowed (IPL-01). */
    private final Map<Key, String> loginAddress = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public synchronized void logIn(long tenantId, String user, String channel, String fromAddress) {
        Key key = new Key(tenantId, channel);
        userOnChannel.put(key, user);
        if (fromAddress == null) {
            loginAddress.remove(key);
        } else {
            loginAddress.put(key, fromAddress);
        }
        generation.incrementAndGet();
    }

    public synchronized void logOut(long tenantId, String channel) {
        loginAddress.remove(new Key(tenantId, channel));
        if (userOnChannel.remove(new Key(tenantId, channel)) != null) {
            generation.incrementAndGet();
        }
    }

    /** Logs the user out of every channel they logged in on. */
    public synchronized void logOutEverywhere(long tenantId, String user) {
        loginAddress.keySet().removeIf(k -> k.tenantId() == tenantId && user.equals(userOnChannel.get(k)));
        if (userOnChannel.entrySet().removeIf(e -> e.getKey().tenantId() == tenantId && e.getValue().equals(user))) {
            generation.incrementAndGet();
        }
    }

    /** The user logged in on this channel with 901, or null. */
    public String userOn(long tenantId, String channel) {
        return userOnChannel.get(new Key(tenantId, channel));
    }

    /** The address the login on this channel came from, or null. */
    public String loginAddress(long tenantId, String channel) {
        return loginAddress.get(new Key(tenantId, channel));
    }

    /** The channels the user logged in on with 901, in no particular order. */
    public List<String> channelsOf(long tenantId, String user) {
        Set<String> channels = new LinkedHashSet<>();
        userOnChannel.forEach((k, u) -> {
            if (k.tenantId() == tenantId && u.equals(user)) {
                channels.add(k.channel());
            }
        });
        return new ArrayList<>(channels);
    }

    /** Changes with every login and logout. */
    public long generation() {
        return generation.get();
    }
}
