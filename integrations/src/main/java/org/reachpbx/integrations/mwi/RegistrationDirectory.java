package org.reachpbx.integrations.mwi;

import java.time.Instant;
import java.util.List;

/**
 * Where a user's devices are registered: implemented by the SIP server's registrar (issue 4). The
 * integrations only need the contact URIs to send a message-waiting NOTIFY to; they know nothing
 * else of SIP registrations. Without an implementation, nobody is registered.
 */
public interface RegistrationDirectory {

    /** The SIP contact URIs (e.g. {@code sip:201@192.0.2.10:5062}) of the user's registered devices. */
    List<String> contactsOf(long tenantId, String userExtension);

    /**
     * One live registration of a channel, as the admin UI and REST show it; {@code device} is the
     * DESKTOP/MOBILE client type a contact registered as ({@code ;device=}), null for the desk phone.
     */
    record ChannelRegistration(String channel, String contact, String sourceAddress, int sourcePort,
                               String userAgent, Instant expires, String device) {
    }

    /** The live registrations of a channel, soonest expiry first; none when nothing is registered. */
    default List<ChannelRegistration> registrationsOf(long tenantId, String channel) {
        return List.of();
    }
}
