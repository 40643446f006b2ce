package org.reachpbx.server.sip.edge;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.NIOMode;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

/**
 * The stack's NIO TCP transport with the edge's limits ({@link EdgeConnections}, shared with TLS):
 * connections from banned addresses or beyond the caps are closed as they are accepted, idle and
 * slowloris connections by a sweep. The connections the server opens itself are its
 * {@link OutboundTcpChannel}s.
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

    /** A connection the server opens itself, counting what it sends ({@link OutboundConnections}). */
    @Override
    public MessageChannel createMessageChannel(HostPort target) throws IOException {
        return OutboundConnections.to(target, getTransport(), this, messageChannels,
                (host, port) -> opened(new OutboundTcpChannel(host, port, this)));
    }

    @Override
    public MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
        return OutboundConnections.to(host, port, getTransport(), this, messageChannels,
                (h, p) -> opened(new OutboundTcpChannel(h, p, this)));
    }

    /** As the stack does after opening a connection in blocking mode: its selector picks up the new socket. */
    private <C> C opened(C channel) {
        if (sipStack.nioMode == NIOMode.BLOCKING) {
            selector.wakeup();
        }
        return channel;
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
