package org.reachpbx.server.sip.edge;

import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
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
 * The inbound TCP and TLS connections of one SIP server, counted together against the edge's caps
 * ({@code tcp.max-connections}, {@code tcp.max-connections-per-address}): a connection from a
 * banned address or beyond a cap is closed as it is accepted; one idle for {@code tcp.idle-timeout},
 * or with a message not complete within {@code tcp.message-timeout} (slowloris), is closed by a
 * sweep once a second.
 */
final class EdgeConnections {

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
    private final Map<EdgeConnection, Boolean> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger users = new AtomicInteger();
    private ScheduledExecutorService sweeper;

    EdgeConnections(SipEdge edge) {
        this.edge = edge;
    }

    /** Makes the edge's channel for an accepted connection; TCP and TLS each have theirs. */
    interface ChannelMaker {
        NioTcpMessageChannel make() throws IOException;
    }

    /**
     * The channel of an accepted connection, for both transports' processors: the stack's own when
     * it has one already, otherwise (when {@link #admit admitted}) a new one, registered and counted.
     */
    NioTcpMessageChannel accept(NIOHandler handler, SocketChannel client, ChannelMaker maker) throws IOException {
        NioTcpMessageChannel known = handler.getMessageChannel(client);
        if (known != null) {
            return known;
        }
        admit(client);
        NioTcpMessageChannel channel = maker.make();
        handler.putMessageChannel(client, channel);
        opened((EdgeConnection) channel);
        return channel;
    }

    /** Closes {@code client} and throws {@link Refused} when it may not be accepted. */
    void admit(SocketChannel client) throws IOException {
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
    }

    void opened(EdgeConnection c) {
        open.put(c, Boolean.TRUE);
        perAddress.computeIfAbsent(c.source(), k -> new AtomicInteger()).incrementAndGet();
    }

    void closed(EdgeConnection c) {
        if (open.remove(c) != null) {
            perAddress.computeIfPresent(c.source(), (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    int size() {
        return open.size();
    }

    /** A transport started: the sweep runs while at least one does. */
    synchronized void start() {
        if (users.getAndIncrement() == 0) {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sip-edge-tcp-sweeper");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        }
    }

    synchronized void stop() {
        if (users.decrementAndGet() <= 0 && sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
            users.set(0);
        }
    }

    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            EdgeProperties.Tcp limits = edge.properties().tcp();
            for (EdgeConnection c : open.keySet()) {
                long partial = c.partialSince();
                if (partial != 0 && now - partial > limits.messageTimeout().toMillis()) {
                    edge.tcp("closed-slow-message", c.source());
                    c.close();
                } else if (now - c.lastActivity() > limits.idleTimeout().toMillis()) {
                    edge.tcp("closed-idle", c.source());
                    c.close();
                }
            }
        } catch (RuntimeException e) {
            edge.count("tcp.sweep-failures");
        }
    }
}
