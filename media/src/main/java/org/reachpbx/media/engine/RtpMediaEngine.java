package org.reachpbx.media.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.reachpbx.media.MediaConfig;
import org.reachpbx.media.MediaEngine;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.NoFreePortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media plane of one server, with a fixed number of threads whatever the number of calls: one
 * {@link RtpReader} on a selector over all sockets, one {@link MediaClock} that ticks every session
 * every 20 ms, and one event thread on which every callback (whenDone, onDigit) runs in order.
 * Sessions take even port pairs from a {@link PortPool} and give them back however they end
 * ({@link MediaSession#close()}, or this engine's {@link #close()}).
 */
public final class RtpMediaEngine implements MediaEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RtpMediaEngine.class);

    private final MediaConfig config;
    private final PortPool ports;
    private final RtpReader reader;
    private final MediaClock clock;
    private final ExecutorService events;
    private volatile RtpSession[] sessions = new RtpSession[0];
    private volatile RtpMixer[] mixers = new RtpMixer[0];
    private volatile boolean closed;

    public RtpMediaEngine(MediaConfig config) {
        this.config = config;
        this.ports = new PortPool(config);
        try {
            this.reader = new RtpReader();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for RTP", e);
        }
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "media-events");
            t.setDaemon(true);
            return t;
        });
        this.clock = new MediaClock(this::tick);
        reader.start();
        clock.start();
        LOG.info("media engine on {} ports {}-{}, advertising {}", config.bindAddress(), config.rtpPortMin(),
                config.rtpPortMax(), config.advertisedAddress());
    }

    @Override
    public RtpSession open() {
        if (closed) {
            throw new IllegalStateException("the media engine is closed");
        }
        for (int attempt = 0; attempt < ports.size(); attempt++) {
            int port = ports.take();
            DatagramChannel rtp = null;
            DatagramChannel rtcp = null;
            try {
                rtp = bind(port);
                rtcp = bind(port + 1);
            } catch (IOException e) {
                closeQuietly(rtp);
                ports.giveBack(port); // taken by another program: try the next pair
                continue;
            }
            RtpSession session = new RtpSession(this, port, rtp, rtcp, config.jitterFrames());
            add(session);
            reader.register(rtp, session, false);
            reader.register(rtcp, session, true);
            return session;
        }
        throw new NoFreePortException("no RTP port pair of " + config.rtpPortMin() + "-" + config.rtpPortMax()
                + " could be bound");
    }

    private DatagramChannel bind(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(config.bindAddress(), port));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public synchronized RtpMixer newMixer() {
        if (closed) {
            throw new IllegalStateException("the media engine is closed");
        }
        RtpMixer mixer = new RtpMixer(this);
        RtpMixer[] next = Arrays.copyOf(mixers, mixers.length + 1);
        next[mixers.length] = mixer;
        mixers = next;
        return mixer;
    }

    /** Called once by a closing mixer. */
    synchronized void dropMixer(RtpMixer mixer) {
        mixers = Arrays.stream(mixers).filter(m -> m != mixer).toArray(RtpMixer[]::new);
    }

    @Override
    public int activeSessions() {
        return sessions.length;
    }

    @Override
    public int freePortPairs() {
        return ports.free();
    }

    public MediaConfig config() {
        return config;
    }

    MediaClock clock() {
        return clock;
    }

    /** Runs a callback on the event thread; a failing callback is logged and does not stop the others. */
    void post(Runnable callback) {
        try {
            events.execute(() -> {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    LOG.error("media callback failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("engine closed; a callback was dropped");
        }
    }

    /** Called once by a closing session: its sockets close and its ports go back to the pool. */
    void release(RtpSession session, DatagramChannel rtp, DatagramChannel rtcp) {
        remove(session);
        reader.close(rtp, rtcp);
        ports.giveBack(session.rtpPort());
    }

    private void tick(long tick, long nowMs) {
        for (RtpSession session : sessions) {
            session.onTick(tick, nowMs);
        }
        for (RtpMixer mixer : mixers) { // after every member has taken this tick's frame
            mixer.mix(tick);
        }
    }

    private synchronized void add(RtpSession session) {
        RtpSession[] next = Arrays.copyOf(sessions, sessions.length + 1);
        next[sessions.length] = session;
        sessions = next;
    }

    private synchronized void remove(RtpSession session) {
        sessions = Arrays.stream(sessions).filter(s -> s != session).toArray(RtpSession[]::new);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RtpMixer mixer : mixers) {
            mixer.close();
        }
        for (RtpSession session : sessions) {
            session.close();
        }
        clock.close();
        reader.close();
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing an RTP socket", e);
            }
        }
    }
}
