package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/** One inbound TCP connection, watched by a {@link StreamWatch} for idleness and slowloris. */
final class EdgeTcpChannel extends NioTcpMessageChannel implements EdgeConnection {

    private final EdgeTcpProcessor processor;
    private final StreamWatch watch;

    EdgeTcpChannel(EdgeTcpProcessor processor, SocketChannel client) throws IOException {
        super(processor, client);
        this.processor = processor;
        this.messageProcessor = processor;
        this.watch = new StreamWatch(client);
    }

    @Override
    public String source() {
        return watch.source();
    }

    @Override
    public long partialSince() {
        return watch.partialSince();
    }

    @Override
    public long lastActivity() {
        return watch.lastActivity(getLastActivityTimestamp());
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        watch.arrived();
        watch.sipBytes(bytes);
        super.addBytes(bytes);
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
