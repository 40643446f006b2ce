package org.reachpbx.server.sip.edge;

import java.nio.channels.SocketChannel;

/**
 * What the edge watches on one inbound stream connection, the same for TCP and TLS (whose channel
 * classes must extend different stack classes, so they share this instead of a superclass): the
 * peer's address, when bytes last arrived, and since when a message has been arriving without
 * being complete (slowloris). CRLF keep-alives (RFC 5626) are activity but start no message.
 */
final class StreamWatch {

    private final String source;
    private volatile long partialSince;
    private volatile long lastActivity = System.currentTimeMillis();
    private volatile boolean closed;

    StreamWatch(SocketChannel client) {
        this.source = client.socket().getInetAddress().getHostAddress();
    }

    String source() {
        return source;
    }

    long partialSince() {
        return partialSince;
    }

    /** Ours or the stack's view of the last activity, whichever is later. */
    long lastActivity(long stacksView) {
        return Math.max(lastActivity, stacksView);
    }

    /** Bytes came in on the socket (for TLS: still encrypted). */
    void arrived() {
        lastActivity = System.currentTimeMillis();
    }

    /** Bytes of SIP came in (for TLS: decrypted): a message starts unless they are a keep-alive. */
    void sipBytes(byte[] bytes) {
        if (partialSince == 0 && !keepAlive(bytes)) {
            partialSince = System.currentTimeMillis();
        }
    }

    /** A whole message was parsed: nothing is partial any more. */
    void messageComplete() {
        partialSince = 0;
    }

    /** True the first time only: the edge counts a closed connection once. */
    boolean closing() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    private static boolean keepAlive(byte[] bytes) {
        for (byte b : bytes) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
