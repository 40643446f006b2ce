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
 * The one thread that reads every RTP and RTCP socket of the engine: non-blocking
 * {@link DatagramChannel}s on one {@link Selector}, no thread per call. One receive buffer and one
 * packet view, reused for every packet (the JDK also reuses the sender address while it stays the
 * same), are handed to the session, which handles the packet before the next one is read.
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
    private final ConcurrentLinkedQueue<Runnable> closing = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_PACKET);
    private final RtpPacket packet = new RtpPacket();
    private volatile boolean running = true;

    public RtpReader() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, "media-rtp-reader");
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
        closing.add(() -> {
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
                while ((task = closing.poll()) != null) {
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
