package org.reachpbx.integrations.outbox;

import java.time.Duration;
import org.reachpbx.integrations.IntegrationsProperties;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The wait before the next attempt of a message that failed {@code attempts} times. The schedule is
 * Spring's {@link ExponentialBackOff}; the outbox keeps the resulting time in the database, so it
 * holds across restarts (an in-memory redelivery policy would not).
 */
final class Backoff {

    private final ExponentialBackOff policy;

    Backoff(IntegrationsProperties.Outbox settings) {
        policy = new ExponentialBackOff(settings.getInitialBackoff().toMillis(), settings.getBackoffMultiplier());
        policy.setMaxInterval(settings.getMaxBackoff().toMillis());
    }

    Duration after(int attempts) {
        BackOffExecution execution = policy.start();
        long wait = 0;
        for (int i = 0; i < Math.max(1, attempts); i++) {
            wait = execution.nextBackOff();
        }
        return Duration.ofMillis(wait);
    }
}
