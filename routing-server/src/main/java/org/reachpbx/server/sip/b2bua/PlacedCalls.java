package org.reachpbx.server.sip.b2bua;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;

/**
 * The INVITEs the server sends to its own SIP port for a user ({@link PlacedCall}): such an INVITE
 * carries no digest, so it is taken as the user's call only when its Call-ID and From tag are one
 * the server is waiting for (both random, never shown to a phone before) and it comes from the
 * server's own address. Each is claimed once.
 */
final class PlacedCalls {

    /** Who the call is from: the user on its channel, in its tenant and SIP domain. */
    record Origin(long tenantId, String user, String channel, String domain) {
    }

    private record Expected(String fromTag, Origin origin) {
    }

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    /** Claimed and not yet over: these calls' callers are the server itself. */
    private final java.util.Set<String> placed = ConcurrentHashMap.newKeySet();

    void expect(String callId, String fromTag, Origin origin) {
        expected.put(callId, new Expected(fromTag, origin));
    }

    void forget(String callId) {
        expected.remove(callId);
        placed.remove(callId);
    }

    /** Whether the call with this Call-ID is one the server placed itself (its caller's keys are not codes). */
    boolean isPlaced(String callId) {
        return placed.contains(callId);
    }

    /** The origin of an INVITE the server sent itself; null for every other INVITE. */
    Origin claim(Request invite, String source) {
        if (expected.isEmpty()) {
            return null;
        }
        String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
        Expected e = expected.get(callId);
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        if (e == null || from == null || !e.fromTag().equals(from.getTag()) || !ownAddress(source)) {
            return null;
        }
        if (!expected.remove(callId, e)) {
            return null;
        }
        placed.add(callId);
        return e.origin();
    }

    private static boolean ownAddress(String source) {
        try {
            InetAddress a = InetAddress.getByName(source);
            return a.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(a) != null;
        } catch (Exception e) {
            return false;
        }
    }
}
