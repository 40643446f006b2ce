package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.NioTlsMessageChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import org.reachpbx.server.sip.stack.SipMessagesSent;

/**
 * One inbound TLS connection, watched like {@link EdgeTcpChannel}: idle, slowloris on the decrypted
 * stream, and a TLS handshake that does not complete within {@code tcp.message-timeout}.
 */
final class EdgeTlsChannel extends NioTlsMessageChannel implements EdgeConnection {

    private final EdgeTlsProcessor processor;
    private final StreamWatch watch;
    private final SipMessagesSent sent;
    /** When the connection was accepted while its TLS handshake is not done (no plaintext yet); else 0. */
    private volatile long handshakeSince = System.currentTimeMillis();

    EdgeTlsChannel(EdgeTlsProcessor processor, SocketChannel client) throws IOException {
        super(processor, client);
        this.processor = processor;
        this.watch = new StreamWatch(client);
        this.sent = SipEdge.sentBy(processor.getSIPStack());
    }

    /** A message sent on this connection, counted in plaintext before the TLS layer encrypts it. */
    @Override
    protected void sendMessage(byte[] msg, boolean isClient) throws IOException {
        super.sendMessage(msg, isClient);
        count(msg);
    }

    /** The stack's other way to send on a connection (retransmissions, replies to a given address). */
    @Override
    public void sendMessage(byte[] message, InetAddress receiverAddress, int receiverPort, boolean retry)
            throws IOException {
        super.sendMessage(message, receiverAddress, receiverPort, retry);
        count(message);
    }

    private void count(byte[] message) {
        if (sent != null && message != null) {
            sent.count(message, 0, message.length);
        }
    }

    @Override
    public String source() {
        return watch.source();
    }

    /** A handshake that does not finish counts as a message that does not: slowloris before TLS is up. */
    @Override
    public long partialSince() {
        long partial = watch.partialSince();
        return partial != 0 ? partial : handshakeSince;
    }

    @Override
    public long lastActivity() {
        return watch.lastActivity(getLastActivityTimestamp());
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        watch.arrived();
        super.addBytes(bytes);
    }

    @Override
    public void addPlaintextBytes(byte[] bytes) throws Exception {
        handshakeSince = 0;
        watch.sipBytes(bytes);
        super.addPlaintextBytes(bytes);
    }

    @Override
    public void processMessage(SIPMessage message) throws Exception {
        watch.messageComplete();
        super.processMessage(message);
    }

    @Override
    protected void close(boolean removeSocket, boolean stopKeepAliveTask) {
        super.close(removeSocket, stopKeepAliveTask);
        if (watch.closing()) {
            processor.closed(this);
        }
    }
}
