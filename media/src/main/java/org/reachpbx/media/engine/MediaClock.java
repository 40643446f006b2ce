package org.reachpbx.media.engine;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one media clock of the engine: a single thread that ticks every 20 ms at absolute deadlines
 * ({@code start + n × 20 ms} on {@link System#nanoTime}), never a sleep(20) loop, so ticks do not
 * drift and packets do not bunch. When the thread falls more than {@link #MAX_CATCH_UP} ticks
 * behind (a long GC pause) it skips ahead instead of bursting, logging once per skip. Tick {@code n}
 * stands for RTP sample {@code n × 160} of every stream.
 */
public final class MediaClock implements AutoCloseable {
    public static final long PERIOD_NANOS = 20_000_000L;
    public static final int SAMPLES_PER_TICK = 160;
    private static final int MAX_CATCH_UP = 5;
    private static final Logger LOG = LoggerFactory.getLogger(MediaClock.class);

    /** What runs on every tick. */
    public interface Listener {
        void onTick(long tick, long nowMs);
    }

    private final Listener listener;
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean running = true;
    private volatile long skipped;

    public MediaClock(Listener listener) {
        this.listener = listener;
        this.thread = new Thread(this::run, "media-clock");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    public void start() {
        thread.start();
    }

    /** Milliseconds since the clock started, the time base of all timeouts of the engine. */
    public long nowMs() {
        return (System.nanoTime() - start) / 1_000_000L;
    }

    /** RTP samples (8 kHz) since the clock started, for packets sent between ticks (relay). */
    public long samplesNow() {
        return (System.nanoTime() - start) / 125_000L;
    }

    /** Ticks skipped because the clock thread fell behind. */
    public long skipped() {
        return skipped;
    }

    private void run() {
        long n = 0;
        while (running) {
            long deadline = start + n * PERIOD_NANOS;
            long wait;
            while (running && (wait = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long behind = (System.nanoTime() - deadline) / PERIOD_NANOS;
            if (behind > MAX_CATCH_UP) {
                skipped += behind;
                LOG.warn("media clock fell {} ticks behind; skipping ahead", behind);
                n += behind;
            }
            try {
                listener.onTick(n, n * 20);
            } catch (RuntimeException e) {
                LOG.error("media clock tick {} failed", n, e);
            }
            n++;
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
