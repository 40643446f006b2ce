package org.reachpbx.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.reachpbx.media.MediaConfig;

/** Engines on loopback with a random port range (other builds may share the machine), and waiting on conditions. */
final class EngineFixture {
    private EngineFixture() {
    }

    static RtpMediaEngine engine(int pairs) {
        int min = 2 * ThreadLocalRandom.current().nextInt(20_000, 30_000);
        return new RtpMediaEngine(MediaConfig.loopback(min, min + 2 * pairs - 1));
    }

    /** Waits until {@code condition} holds, at most {@code millis}; fails with {@code what} otherwise. */
    static void await(String what, long millis, BooleanSupplier condition) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                assertThat(condition.getAsBoolean()).as("waited %d ms for: %s", millis, what).isTrue();
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
