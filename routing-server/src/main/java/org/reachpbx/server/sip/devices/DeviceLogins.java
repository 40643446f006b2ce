package org.reachpbx.server.sip.devices;

import java.util.ArrayList;
import java.util.List;
import org.reachpbx.server.livestate.InMemoryLoginState;
import org.reachpbx.server.livestate.LoginState;

/**
 * Which user is logged in on which channel (901, USR-04), kept in a {@link LoginState} (in memory,
 * or in Redis for a cluster). A channel with a linked user (USR-10) counts as logged in without an
 * entry here. What a login is allowed to do (twinning, hotdesking, a linked channel) is decided by
 * the service rules; this class only stores the result.
 */
public class DeviceLogins {

    private final LoginState state;

    /** In memory: one instance, and the tests that need no other. */
    public DeviceLogins() {
        this(new InMemoryLoginState());
    }

    public DeviceLogins(LoginState state) {
        this.state = state;
    }

    /** {@code fromAddress}: where the login came from; with IP listing, calls from there are allowed (IPL-01). */
    public synchronized void logIn(long tenantId, String user, String channel, String fromAddress) {
        state.put(tenantId, channel, new LoginState.Login(user, fromAddress));
    }

    public synchronized void logOut(long tenantId, String channel) {
        state.remove(tenantId, channel);
    }

    /** Logs the user out of every channel they logged in on. */
    public synchronized void logOutEverywhere(long tenantId, String user) {
        channelsOf(tenantId, user).forEach(channel -> state.remove(tenantId, channel));
    }

    /** The user logged in on this channel with 901, or null. */
    public String userOn(long tenantId, String channel) {
        LoginState.Login login = state.get(tenantId, channel);
        return login == null ? null : login.user();
    }

    /** The address the login on this channel came from, or null. */
    public String loginAddress(long tenantId, String channel) {
        LoginState.Login login = state.get(tenantId, channel);
        return login == null ? null : login.address();
    }

    /** The channels the user logged in on with 901, in no particular order. */
    public List<String> channelsOf(long tenantId, String user) {
        List<String> channels = new ArrayList<>();
        state.of(tenantId).forEach((channel, login) -> {
            if (login.user().equals(user)) {
                channels.add(channel);
            }
        });
        return channels;
    }

    /** Changes with every login and logout. */
    public long generation() {
        return state.generation();
    }
}
