package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

/**
 * The stack's NIO TCP transport with the edge's limits ({@link EdgeConnections}, shared with TLS):
 * connections from banned addresses or beyond the caps are closed as they are accepted, idle and
 * slowloris connections by a sweep.
 */
final class EdgeTcpProcessor extends NioTcpMessageProcessor {

    private final EdgeConnections connections;

    EdgeTcpProcessor(InetAddress address, SIPTransactionStack stack, int port, SipEdge edge) {
        super(address, stack, port);
        this.connections = edge.connections();
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        return connections.accept(nioHandler, client, () -> new EdgeTcpChannel(this, client));
    }

    void closed(EdgeConnection channel) {
        connections.closed(channel);
    }

    @Override
    public void start() throws IOException {
        super.start();
        connections.start();
    }

    @Override
    public void stop() {
        connections.stop();
        super.stop();
    }
}
