package org.reachpbx.server.sip.edge;

/** An inbound TCP or TLS connection as the edge's limits see it. */
interface EdgeConnection {

    /** The peer's address. */
    String source();

    /** Since when a message has been arriving without being complete; 0 when none is. */
    long partialSince();

    /** When the connection last carried bytes (ours or the stack's view, whichever is later). */
    long lastActivity();

    void close();
}
