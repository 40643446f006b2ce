package org.reachpbx.server.sip.registrar;

import org.reachpbx.server.sip.stack.SipProperties;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/** Drops expired registrations on time ({@code pbx.sip.registration-sweep}), so they stop ringing and stop showing. */
public class RegistrationSweeper implements SmartLifecycle {

    private final RegistrationStore store;
    private final long periodMillis;
    private ScheduledExecutorService executor;

    public RegistrationSweeper(RegistrationStore store, SipProperties properties) {
        this.store = store;
        this.periodMillis = Math.max(100, properties.getRegistrationSweep().toMillis());
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "registration-sweeper");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(store::sweep, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
