package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

/**
 * The stack's NIO TLS transport with the edge's limits: TLS connections count against the same
 * caps as TCP ones ({@link EdgeConnections}) and are closed when idle or slow in the same way.
 */
final class EdgeTlsProcessor extends NioTlsMessageProcessor {

    private final EdgeConnections connections;

    EdgeTlsProcessor(InetAddress address, SIPTransactionStack stack, int port, SipEdge edge) {
        super(address, stack, port);
        this.connections = edge.connections();
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        return connections.accept(nioHandler, client, () -> new EdgeTlsChannel(this, client));
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
