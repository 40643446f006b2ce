package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stack's NIO TCP transport with the edge's limits: a connection from a banned address, beyond
 * {@code tcp.max-connections} or beyond {@code tcp.max-connections-per-address} is closed as it is
 * accepted; a connection idle for {@code tcp.idle-timeout}, or with a message that has not
 * completed within {@code tcp.message-timeout} (slowloris), is closed by a sweep once a second.
 */
final class EdgeTcpProcessor extends NioTcpMessageProcessor {

    /** Thrown to the stack's accept loop for a refused connection (already closed, and counted). */
    static final class Refused extends IOException {
        Refused(String reason) {
            super(reason, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final SipEdge edge;
    private final Map<EdgeTcpChannel, Boolean> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    EdgeTcpProcessor(InetAddress address, SIPTransactionStack stack, int port, SipEdge edge) {
        super(address, stack, port);
        this.edge = edge;
        edge.openTcpConnections(open::size);
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        NioTcpMessageChannel known = nioHandler.getMessageChannel(client);
        if (known != null) {
            return known;
        }
        InetAddress peer = client.socket().getInetAddress();
        String source = peer.getHostAddress();
        EdgeProperties.Tcp limits = edge.properties().tcp();
        String refused = null;
        if (edge.banned(peer)) {
            refused = "refused-banned";
        } else if (!edge.allowlisted(peer)) {
            if (open.size() >= limits.maxConnections()) {
                refused = "refused-over-max-connections";
            } else if (perAddress.getOrDefault(source, new AtomicInteger()).get() >= limits.maxConnectionsPerAddress()) {
                refused = "refused-over-max-connections-per-address";
            }
        }
        if (refused != null) {
            edge.tcp(refused, source);
            client.close();
            throw new Refused(refused);
        }
        EdgeTcpChannel channel = new EdgeTcpChannel(this, client);
        nioHandler.putMessageChannel(client, channel);
        open.put(channel, Boolean.TRUE);
        perAddress.computeIfAbsent(source, k -> new AtomicInteger()).incrementAndGet();
        return channel;
    }

    void closed(EdgeTcpChannel channel) {
        if (open.remove(channel) != null) {
            perAddress.computeIfPresent(channel.source(), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    int openConnections() {
        return open.size();
    }

    @Override
    public void start() throws IOException {
        super.start();
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-edge-tcp-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        super.stop();
    }

    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            EdgeProperties.Tcp limits = edge.properties().tcp();
            for (EdgeTcpChannel c : open.keySet()) {
                long partial = c.partialSince();
                if (partial != 0 && now - partial > limits.messageTimeout().toMillis()) {
                    edge.tcp("closed-slow-message", c.source());
                    c.close();
                } else if (now - c.lastActivity() > limits.idleTimeout().toMillis()
                        && now - c.getLastActivityTimestamp() > limits.idleTimeout().toMillis()) {
                    edge.tcp("closed-idle", c.source());
                    c.close();
                }
            }
        } catch (RuntimeException e) {
            edge.count("tcp.sweep-failures");
        }
    }
}
