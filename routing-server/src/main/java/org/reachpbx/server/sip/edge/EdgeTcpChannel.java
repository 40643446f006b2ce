package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * One inbound TCP connection, which also knows since when a message has been arriving without
 * being complete (slowloris) and when it last carried anything.
 */
final class EdgeTcpChannel extends NioTcpMessageChannel implements EdgeConnection {

    private final EdgeTcpProcessor processor;
    private final String source;
    private volatile long partialSince;
    private volatile long lastActivity = System.currentTimeMillis();
    private volatile boolean closed;

    EdgeTcpChannel(EdgeTcpProcessor processor, SocketChannel client) throws IOException {
        super(processor, client);
        this.processor = processor;
        this.messageProcessor = processor;
        this.source = client.socket().getInetAddress().getHostAddress();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public long partialSince() {
        return partialSince;
    }

    @Override
    public long lastActivity() {
        return Math.max(lastActivity, getLastActivityTimestamp());
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        long now = System.currentTimeMillis();
        lastActivity = now;
        if (partialSince == 0 && !keepAlive(bytes)) {
            partialSince = now;
        }
        super.addBytes(bytes);
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

    static boolean keepAlive(byte[] bytes) {
        for (byte b : bytes) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
