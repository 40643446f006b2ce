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
    private final StreamWatch watch;
    /** When the connection was accepted while its TLS handshake is not done (no plaintext yet); else 0. */
    private volatile long handshakeSince = System.currentTimeMillis();

    EdgeTlsChannel(EdgeTlsProcessor processor, SocketChannel client) throws IOException {
        super(processor, client);
        this.processor = processor;
        this.watch = new StreamWatch(client);
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
