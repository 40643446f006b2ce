package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.stack.NioTlsMessageChannel;
import java.io.IOException;
import java.net.InetAddress;
import org.reachpbx.server.sip.stack.SipMessagesSent;

/**
 * A TLS connection the server opened itself ({@link OutboundConnections}): counts what it sends in
 * plaintext before the TLS layer encrypts it, as {@link EdgeTlsChannel} does, and sends on the
 * connection it opened, for the reason {@link OutboundTcpChannel} does. Over TLS the stack's fault
 * is worse: the second connection it opened got the first message's encrypted bytes encrypted once
 * more and the peer gave up the handshake (seen with the stack alone against a TLS socket).
 */
final class OutboundTlsChannel extends NioTlsMessageChannel {

    private final SipMessagesSent sent;

    OutboundTlsChannel(InetAddress host, int port, EdgeTlsProcessor processor) throws IOException {
        super(host, port, processor.getSIPStack(), processor);
        this.sent = SipEdge.sentBy(processor.getSIPStack());
        this.isCached = true;
    }

    /** Encrypted and sent on this connection; counted here. */
    @Override
    protected void sendMessage(byte[] msg, boolean isClient) throws IOException {
        super.sendMessage(msg, isClient);
        count(msg);
    }

    /**
     * The stack's transactions send through here: to this connection's peer through the way above,
     * which puts this connection back into the stack's table first.
     */
    @Override
    public void sendMessage(byte[] message, InetAddress receiverAddress, int receiverPort, boolean retry)
            throws IOException {
        if (receiverAddress != null && receiverAddress.equals(peerAddress) && receiverPort == peerPort) {
            sendMessage(message, retry);
        } else {
            super.sendMessage(message, receiverAddress, receiverPort, retry);
            count(message);
        }
    }

    private void count(byte[] message) {
        // null while the constructor runs (nothing is sent then, but the stack may change)
        if (sent != null && message != null) {
            sent.count(message, 0, message.length);
        }
    }
}
