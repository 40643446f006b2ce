package org.reachpbx.server.livestate;

import java.util.Map;

/**
 * Where device logins (901, USR-04) are kept: per channel the user logged in and the address the
 * login came from. {@link org.reachpbx.server.sip.devices.DeviceLogins} is the API the server uses.
 */
public interface LoginState {

    /** One channel's login. */
    record Login(String user, String address) {
    }

    void put(long tenantId, String channel, Login login);

    /** True when the channel had a login. */
    boolean remove(long tenantId, String channel);

    /** The login on a channel, or null. */
    Login get(long tenantId, String channel);

    /** Every login of a tenant, by channel. */
    Map<String, Login> of(long tenantId);

    /** Changes with every login and logout (of any instance). */
    long generation();
}
