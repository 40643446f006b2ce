package org.reachpbx.media.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reachpbx.media.rtp.RtpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the engine's few RTP reader threads ({@code pbx.media.io-threads}, default one per
 * processor): non-blocking {@link DatagramChannel}s on one {@link Selector}, no thread per call.
 * Each reader owns its share of the sessions' sockets; a relayed packet is received, rewritten and
 * sent on the reader's thread, and both legs of a bridge are moved onto one reader
 * ({@link #handOver}) so a relayed call is handled on one thread without waiting on another's lock.
 * One receive buffer and one packet view, reused for every packet (the JDK also reuses the sender
 * address while it stays the same), are handed to the session, which handles the packet before
 * the next one is read.
 */
public final class RtpReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtpReader.class);
    private static final int MAX_PACKET = 2048;
    /** Packets read from one socket before the others get their turn. */
    private static final int BURST = 16;

    /** What a socket belongs to. */
    record Endpoint(RtpSession session, boolean rtcp) {
    }

    private record Registration(DatagramChannel channel, Endpoint endpoint) {
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Registration> pending = new ConcurrentLinkedQueue<>();
    /** Work other threads hand to this one: closing and handing over sockets, which must happen here. */
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_PACKET);
    private final RtpPacket packet = new RtpPacket();
    private volatile boolean running = true;

    public RtpReader(int index) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, "media-rtp-reader-" + index);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Starts reading {@code channel} (non-blocking) for {@code session}; done by the reader thread. */
    void register(DatagramChannel channel, RtpSession session, boolean rtcp) {
        pending.add(new Registration(channel, new Endpoint(session, rtcp)));
        selector.wakeup();
    }

    /**
     * Closes a session's channels so that their ports are free for the next bind when this returns:
     * a channel registered with a selector keeps its socket until the selector drops the key, so the
     * reader thread cancels the keys, closes the channels and flushes the selector.
     */
    void close(DatagramChannel... channels) {
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            closeNow(channels);
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        tasks.add(() -> {
            closeNow(channels);
            done.complete(null);
        });
        selector.wakeup();
        try {
            done.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("closing RTP sockets took too long; their ports may be busy for a moment");
        }
    }

    /**
     * Moves {@code channel} from this reader to {@code target}: this thread drops its key (and the
     * selector's hold on the socket) before the target starts reading, so no two threads read one
     * socket. Packets waiting meanwhile stay in the socket's buffer.
     */
    void handOver(DatagramChannel channel, RtpSession session, boolean rtcp, RtpReader target) {
        Runnable move = () -> {
            SelectionKey key = channel.keyFor(selector);
            if (key != null) {
                key.cancel();
                try {
                    selector.selectNow();
                } catch (IOException e) {
                    LOG.debug("flushing the selector", e);
                }
            }
            if (channel.isOpen()) {
                target.register(channel, session, rtcp);
            }
        };
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            move.run();
        } else {
            tasks.add(move);
            selector.wakeup();
        }
    }

    private void closeNow(DatagramChannel... channels) {
        for (DatagramChannel channel : channels) {
            SelectionKey key = channel.keyFor(selector);
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing an RTP socket", e);
            }
        }
        try {
            if (selector.isOpen()) {
                selector.selectNow(); // drops the cancelled keys: the sockets are really closed now
            }
        } catch (IOException e) {
            LOG.debug("flushing the selector", e);
        }
    }

    private void run() {
        while (running) {
            try {
                selector.select();
                registerPending();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.isReadable()) {
                        drain((DatagramChannel) key.channel(), (Endpoint) key.attachment());
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.error("RTP reader loop failed; continuing", e);
                }
            }
        }
    }

    private void registerPending() {
        Registration r;
        while ((r = pending.poll()) != null) {
            try {
                r.channel().register(selector, SelectionKey.OP_READ, r.endpoint());
            } catch (ClosedChannelException e) {
                // the session closed before we got to it
            }
        }
    }

    private void drain(DatagramChannel channel, Endpoint endpoint) {
        for (int i = 0; i < BURST; i++) {
            buffer.clear();
            InetSocketAddress source;
            try {
                source = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                return; // closed meanwhile, or an ICMP error reported on this socket
            }
            if (source == null) {
                return;
            }
            try {
                if (endpoint.rtcp()) {
                    endpoint.session().onRtcp(buffer.array(), buffer.position(), source);
                } else {
                    endpoint.session().onRtp(buffer, packet, source);
                }
            } catch (RuntimeException e) {
                endpoint.session().onHandlerFailure(e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(1000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("closing the selector", e);
        }
    }
}
