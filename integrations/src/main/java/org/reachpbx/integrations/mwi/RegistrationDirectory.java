package org.reachpbx.integrations.mwi;

import java.util.List;

/**
 * Where a user's devices are registered: implemented by the SIP server's registrar (issue 4). The
 * integrations only need the contact URIs to send a message-waiting NOTIFY to; they know nothing
 * else of SIP registrations. Without an implementation, nobody is registered.
 */
public interface RegistrationDirectory {

    /** The SIP contact URIs (e.g. {@code sip:201@192.0.2.10:5062}) of the user's registered devices. */
    List<String> contactsOf(long tenantId, String userExtension);
}
