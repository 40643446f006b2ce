package org.reachpbx.server.sip.edge;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;

/**
 * The connections the server opens itself (to a trunk over TCP or TLS, to a phone whose own
 * connection is gone), made by the edge's processors instead of the stack's so that what they send
 * is counted (docs/operations.md). The stack builds its own outbound channels in a package-private
 * method, so its public {@code createMessageChannel} is redone here: the same cache of channels by
 * transport, address and port, filled under the processor's lock as the stack does (its
 * {@code remove} and {@code cacheMessageChannel} take that lock too). These connections are not the
 * edge's to watch: its caps and idle sweep are for connections from outside; the stack's own idle
 * audit closes them.
 */
final class OutboundConnections {

    /** Opens a connection to an address and port as one of the stack's cached channels. */
    @FunctionalInterface
    interface Opener {
        ConnectionOrientedMessageChannel open(InetAddress host, int port) throws IOException;
    }

    private OutboundConnections() {
    }

    /** The cached channel to {@code target}, or a new one opened and cached (as the stack keys it). */
    static MessageChannel to(HostPort target, String transport, Object processor,
                             Map<String, ConnectionOrientedMessageChannel> channels, Opener opener)
            throws IOException {
        String key = MessageChannel.getKey(target, transport);
        MessageChannel cached = channels.get(key);
        return cached != null ? cached : open(key, target.getInetAddress(), target.getPort(), processor, channels, opener);
    }

    /** The cached channel to {@code host:port}, or a new one opened and cached. */
    static MessageChannel to(InetAddress host, int port, String transport, Object processor,
                             Map<String, ConnectionOrientedMessageChannel> channels, Opener opener)
            throws IOException {
        String key = MessageChannel.getKey(host, port, transport);
        MessageChannel cached = channels.get(key);
        return cached != null ? cached : open(key, host, port, processor, channels, opener);
    }

    private static MessageChannel open(String key, InetAddress host, int port, Object processor,
                                       Map<String, ConnectionOrientedMessageChannel> channels, Opener opener)
            throws IOException {
        synchronized (processor) {
            // checked again under the lock: opening a connection is too heavy to do twice
            ConnectionOrientedMessageChannel channel = channels.get(key);
            if (channel == null) {
                channel = opener.open(host, port);
                channels.put(key, channel);
            }
            return channel;
        }
    }
}
