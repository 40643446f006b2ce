package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.io.IOException;
import java.net.InetAddress;
import org.reachpbx.server.sip.stack.SipMessagesSent;

/**
 * A TCP connection the server opened itself ({@link OutboundConnections}): counts what it sends,
 * and sends on the connection it opened.
 * <p>
 * The stack's NIO layer (jain-sip 1.3.0-91, {@code NIOHandler.openOutgoingConnection}) takes a
 * connection it has just opened out of its table of sockets again (its {@code connected} flag is
 * never set), and its transactions send without putting it back. Every message then opened a second
 * connection and was lost on it whenever the stack's selector thread came to write it before the
 * new connection had a channel (in the tests: every time), which also cancels that connection for
 * good. So an INVITE to a TCP trunk, or to a phone whose own connection was gone, did not leave
 * ({@code PrometheusMetricsTest}, and with the stack alone in NIO's default blocking mode).
 */
final class OutboundTcpChannel extends NioTcpMessageChannel {

    private final SipMessagesSent sent;

    OutboundTcpChannel(InetAddress host, int port, EdgeTcpProcessor processor) throws IOException {
        super(host, port, processor.getSIPStack(), processor);
        this.sent = SipEdge.sentBy(processor.getSIPStack());
        // in the processor's cache from the start, as the stack marks the channels it opens
        this.isCached = true;
    }

    /**
     * The stack's transactions send through here: to this connection's peer through the stack's
     * other way in, which puts this connection back into the table first (see above).
     */
    @Override
    public void sendMessage(byte[] message, InetAddress receiverAddress, int receiverPort, boolean retry)
            throws IOException {
        if (receiverAddress != null && receiverAddress.equals(peerAddress) && receiverPort == peerPort) {
            sendMessage(message, retry);
        } else {
            super.sendMessage(message, receiverAddress, receiverPort, retry);
        }
    }

    /** Every message sent on this connection passes here, as on {@link EdgeTcpChannel}. */
    @Override
    public void sendTCPMessage(byte[] message, InetAddress receiverAddress, int receiverPort, boolean retry)
            throws IOException {
        super.sendTCPMessage(message, receiverAddress, receiverPort, retry);
        if (sent != null && message != null) {
            sent.count(message, 0, message.length);
        }
    }
}
