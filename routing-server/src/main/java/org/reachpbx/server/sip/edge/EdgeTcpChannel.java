package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import org.reachpbx.server.sip.stack.SipMessagesSent;

/** One inbound TCP connection, watched by a {@link StreamWatch} for idleness and slowloris. */
final class EdgeTcpChannel extends NioTcpMessageChannel implements EdgeConnection {

    private final EdgeTcpProcessor processor;
    private final StreamWatch watch;
    private final SipMessagesSent sent;

    EdgeTcpChannel(EdgeTcpProcessor processor, SocketChannel client) throws IOException {
        super(processor, client);
        this.processor = processor;
        this.messageProcessor = processor;
        this.watch = new StreamWatch(client);
        this.sent = SipEdge.sentBy(processor.getSIPStack());
    }

    /** Every message sent on this connection passes here (a reply, a request, a retransmission). */
    @Override
    public void sendTCPMessage(byte[] message, InetAddress receiverAddress, int receiverPort, boolean retry)
            throws IOException {
        super.sendTCPMessage(message, receiverAddress, receiverPort, retry);
        if (sent != null && message != null) {
            sent.count(message, 0, message.length);
        }
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
