package org.reachpbx.server.sip.b2bua;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The calls' ring timers (no-answer, ring steps): one daemon thread on real time, as before, that a
 * test can also move forward. {@link #runDueWithin} runs at once, in due order and on the timer
 * thread, every task that would run within the given time, so a test proves "after the 5 s
 * timeout" without waiting 5 s (STYLE.md: an injectable clock for timeouts). A task runs once:
 * either early or on time, never both.
 */
public final class CallTimer extends ScheduledThreadPoolExecutor {

    private record Pending(long dueNanos, Runnable task, ScheduledFuture<?> future) {
    }

    private final List<Pending> pending = new ArrayList<>();

    public CallTimer() {
        super(1, r -> {
            Thread t = new Thread(r, "b2bua-timer");
            t.setDaemon(true);
            return t;
        });
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        long due = System.nanoTime() + unit.toNanos(delay);
        synchronized (pending) {
            pending.removeIf(p -> p.future().isDone());
            ScheduledFuture<?> future = super.schedule(command, delay, unit);
            pending.add(new Pending(due, command, future));
            return future;
        }
    }

    /**
     * Runs now every task due within {@code ahead} from now (cancelled and finished ones excluded)
     * and waits until they ran; the number run. The tasks' own schedules are cancelled.
     */
    public int runDueWithin(Duration ahead) throws Exception {
        long limit = System.nanoTime() + ahead.toNanos();
        List<Pending> due = new ArrayList<>();
        synchronized (pending) {
            for (Pending p : pending) {
                if (p.dueNanos() <= limit && !p.future().isDone()) {
                    due.add(p);
                }
            }
        }
        due.sort(Comparator.comparingLong(Pending::dueNanos));
        int ran = 0;
        for (Pending p : due) {
            if (p.future().cancel(false)) {
                submit(p.task()).get(5, TimeUnit.SECONDS);
                ran++;
            }
        }
        return ran;
    }
}
