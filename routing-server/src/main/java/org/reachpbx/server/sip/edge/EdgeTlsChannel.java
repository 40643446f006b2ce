package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.NioTlsMessageChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * One inbound TLS connection, watched like {@link EdgeTcpChannel}: idle, slowloris on the decrypted
 * stream, and a TLS handshake that does not complete within {@code tcp.message-timeout}.
 */
final class EdgeTlsChannel extends NioTlsMessageChannel implements EdgeConnection {

    private final EdgeTlsProcessor processor;
    private final String source;
    private volatile long partialSince;
    /** When the connection was accepted while its TLS handshake is not done (no plaintext yet); else 0. */
    private volatile long handshakeSince = System.currentTimeMillis();
    private volatile long lastActivity = System.currentTimeMillis();
    private volatile boolean closed;

    EdgeTlsChannel(EdgeTlsProcessor processor, SocketChannel client) throws IOException {
        super(processor, client);
        this.processor = processor;
        this.source = client.socket().getInetAddress().getHostAddress();
    }

    @Override
    public String source() {
        return source;
    }

    /** A handshake that does not finish counts as a message that does not: slowloris before TLS is up. */
    @Override
    public long partialSince() {
        return partialSince != 0 ? partialSince : handshakeSince;
    }

    @Override
    public long lastActivity() {
        return Math.max(lastActivity, getLastActivityTimestamp());
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        lastActivity = System.currentTimeMillis();
        super.addBytes(bytes);
    }

    @Override
    public void addPlaintextBytes(byte[] bytes) throws Exception {
        handshakeSince = 0;
        if (partialSince == 0 && !EdgeTcpChannel.keepAlive(bytes)) {
            partialSince = System.currentTimeMillis();
        }
        super.addPlaintextBytes(bytes);
    }

    @Override
    public void processMessage(SIPMessage message) throws Exception {
        partialSince = 0;
        super.processMessage(message);
    }

    @Override
    protected void close(boolean removeSocket, boolean stopKeepAliveTask) {
        super.close(removeSocket, stopKeepAliveTask);
        if (!closed) {
            closed = true;
            processor.closed(this);
        }
    }
}
