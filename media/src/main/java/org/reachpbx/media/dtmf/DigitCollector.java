package org.reachpbx.media.dtmf;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Collects digits as a {@link DigitSpec} says, whatever their source (RFC 4733 or SIP INFO): done on
 * the terminator (not included), on {@code maxDigits}, on a menu choice no other choice extends, or when the first-digit or inter-digit time
 * passes. Digits keyed while no collection runs are kept as type-ahead (up to {@link #TYPE_AHEAD})
 * and count for the next collection when its spec keeps type-ahead. Time is the caller's
 * milliseconds (the media clock's ticks), so timeouts are tested without waiting. A finished
 * collection hands its result to the callback given to {@link #start}. Not thread-safe: the owning
 * session serialises access.
 */
public final class DigitCollector {
    /** Digits remembered while no collection runs. */
    public static final int TYPE_AHEAD = 32;

    private final StringBuilder typeAhead = new StringBuilder();
    private final StringBuilder collected = new StringBuilder();
    private DigitSpec spec;
    private Consumer<String> whenDone;
    private long deadlineMs;

    /** Starts collecting (replacing a running collection, whose callback is dropped). */
    public void start(DigitSpec spec, Consumer<String> whenDone, long nowMs) {
        this.spec = spec;
        this.whenDone = whenDone;
        collected.setLength(0);
        deadlineMs = deadline(spec.firstDigit(), nowMs);
        String early = spec.keepTypeAhead() ? typeAhead.toString() : "";
        typeAhead.setLength(0);
        for (int i = 0; i < early.length() && this.spec != null; i++) {
            onDigit(early.charAt(i), nowMs);
        }
    }

    /** Stops without a result. */
    public void cancel() {
        spec = null;
        whenDone = null;
    }

    public boolean collecting() {
        return spec != null;
    }

    /** A digit from any source. */
    public void onDigit(char digit, long nowMs) {
        if (spec == null) {
            if (typeAhead.length() == TYPE_AHEAD) {
                typeAhead.deleteCharAt(0);
            }
            typeAhead.append(digit);
            return;
        }
        if (spec.terminator() != 0 && digit == spec.terminator()) {
            finish();
            return;
        }
        collected.append(digit);
        if (spec.maxDigits() > 0 && collected.length() >= spec.maxDigits() || spec.completes(collected.toString())) {
            finish();
            return;
        }
        deadlineMs = deadline(spec.interDigit(), nowMs);
    }

    /** Called every tick: ends the collection when its time is up. */
    public void onTick(long nowMs) {
        if (spec != null && nowMs >= deadlineMs) {
            finish();
        }
    }

    private void finish() {
        Consumer<String> callback = whenDone;
        String result = collected.toString();
        spec = null;
        whenDone = null;
        collected.setLength(0);
        callback.accept(result);
    }

    private static long deadline(Duration timeout, long nowMs) {
        return timeout == null ? Long.MAX_VALUE : nowMs + timeout.toMillis();
    }
}
