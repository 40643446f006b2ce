package org.reachpbx.media.engine;

import java.net.InetSocketAddress;

/**
 * Symmetric RTP (RFC 4961 practice, "latching"): send to the address of the first valid packet
 * that arrives, whatever the SDP said, because a phone behind NAT is reachable only there. After
 * latching, packets from any other address are refused (the session counts them as foreign). A new
 * {@link #connect} (re-INVITE) forgets the latch. Not thread-safe: the owning session serialises access.
 */
final class Latch {
    private InetSocketAddress configured;
    private InetSocketAddress latched;

    /** Where the SDP says to send; {@code 0.0.0.0} (old-style hold) means nowhere. */
    void connect(InetSocketAddress remote) {
        configured = remote == null || remote.getAddress() == null || remote.getAddress().isAnyLocalAddress()
                ? null : remote;
        latched = null;
    }

    /** Whether a valid packet from {@code source} is accepted; the first one latches. */
    boolean accept(InetSocketAddress source) {
        if (latched == null) {
            latched = source;
            return true;
        }
        return latched.equals(source);
    }

    /** Where to send now, or null. */
    InetSocketAddress target() {
        return latched != null ? latched : configured;
    }

    boolean latched() {
        return latched != null;
    }
}
