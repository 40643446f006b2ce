package org.reachpbx.server.sip.edge;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One short log line per key (a source address, a kind of stack error) per interval, and at most
 * {@code perInterval} lines per interval in all (spoofed sources cannot fill the log either). What
 * is held back is counted and said with the next line of that key, or in a summary line once the
 * interval has passed. Lines never carry message bytes or stack traces.
 */
final class RateLimitedLog {

    /** Longest text taken from a reason or a stack's message. */
    static final int MAX_TEXT = 160;

    private final Logger log;
    private final Clock clock;
    private final long intervalMillis;
    private final int perInterval;
    private final ConcurrentHashMap<String, long[]> lastByKey = new ConcurrentHashMap<>();
    private final AtomicLong windowStart = new AtomicLong();
    private final AtomicLong linesInWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(Logger log, Clock clock, Duration interval, int perInterval) {
        this.log = log;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.perInterval = perInterval;
    }

    /** Logs {@code text} for {@code key} at WARN unless that key (or the whole log) spoke too recently. */
    void warn(String key, String text) {
        long now = clock.millis();
        long start = windowStart.get();
        if (now - start >= intervalMillis && windowStart.compareAndSet(start, now)) {
            linesInWindow.set(0);
            long held = suppressed.getAndSet(0);
            if (held > 0) {
                log.warn("{} more such lines held back in the last {} s", held, intervalMillis / 1000);
            }
        }
        if (lastByKey.size() > 10_000) {
            lastByKey.clear();
        }
        long[] last = lastByKey.computeIfAbsent(key, k -> new long[] {Long.MIN_VALUE / 2, 0});
        boolean speak;
        long heldForKey;
        synchronized (last) {
            speak = now - last[0] >= intervalMillis && linesInWindow.incrementAndGet() <= perInterval;
            if (speak) {
                last[0] = now;
                heldForKey = last[1];
                last[1] = 0;
            } else {
                last[1]++;
                heldForKey = 0;
            }
        }
        if (speak) {
            log.warn(heldForKey > 0 ? "{} ({} more since the last line)" : "{}", text, heldForKey);
        } else {
            suppressed.incrementAndGet();
        }
    }

    /** Text fit for one log line or a reason phrase: printable ASCII, no Java object ids, short. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > 1000) {
            text = text.substring(0, 1000); // bounded input for the regexes below
        }
        // Java object ids ("[C@6148cb29", "gov.nist.Foo@1a2b3c") say nothing to a reader of a log or a phone.
        String s = text.replaceAll("(\\[+[A-Z]|\\[L[\\w.$]+;|[a-zA-Z_][\\w$]*(\\.[\\w$]+)+)@[0-9a-f]{4,8}\\b", "...")
                .replaceAll("[^\\x20-\\x7e]", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s;
    }
}
