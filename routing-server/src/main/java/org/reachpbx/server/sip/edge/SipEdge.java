package org.reachpbx.server.sip.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The SIP edge (like Kamailio's pike and antiflood, or fail2ban in front of Asterisk): a token
 * bucket per source address, a temporary ban for a source that keeps flooding or fails digest
 * authentication too often, an allowlist that is never limited (trunks, admin ranges), and the
 * accounting of what was dropped, refused or unparseable — as counters, Micrometer metrics
 * ({@code pbx.sip.edge.*}) and rate-limited log lines. The stack reaches it through
 * {@link #forStack(String)} from the parser and the message valve it instantiates by class name.
 */
public class SipEdge {

    private static final Logger log = LoggerFactory.getLogger(SipEdge.class);
    private static final Map<String, SipEdge> BY_STACK = new ConcurrentHashMap<>();

    /** Why a source was banned. */
    public enum Reason { FLOOD, AUTHENTICATION_FAILURES, MANUAL }

    public record Ban(String address, Reason reason, Instant since, Instant until) {
    }

    /** What the edge has seen since start, for REST and the admin UI. */
    public record Snapshot(boolean enabled, List<Ban> bans, Map<String, Long> counters, List<String> allowlist,
                           int requestsPerSecond, int burst, int openTcpConnections) {
    }

    private final EdgeProperties properties;
    private final Clock clock;
    private final List<IpAddressMatcher> allowlist = new ArrayList<>();
    private final List<String> allowlistText = new ArrayList<>();
    private final Cache<String, Source> sources;
    private final ConcurrentHashMap<String, Ban> bans = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final RateLimitedLog edgeLog;
    private final TimeMeter time;
    /** Inbound TCP and TLS connections, counted together against the caps. */
    private final EdgeConnections connections = new EdgeConnections(this);

    public SipEdge(EdgeProperties properties, Clock clock, MeterRegistry meters, Collection<String> alwaysAllowed) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.edgeLog = new RateLimitedLog(log, clock, properties.logInterval(), 20);
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        for (String range : properties.allowlist()) {
            allow(range.trim());
        }
        for (String address : alwaysAllowed) {
            allow(address);
        }
        Duration keep = max(properties.authWindow(), max(properties.floodWindow(), Duration.ofMinutes(1)));
        this.sources = Caffeine.newBuilder().maximumSize(properties.maxTrackedSources()).expireAfterAccess(keep).build();
        Gauge.builder("pbx.sip.edge.banned", bans, Map::size).description("source addresses banned now").register(meters);
        Gauge.builder("pbx.sip.edge.tcp.connections", connections::size)
                .description("open inbound SIP TCP and TLS connections").register(meters);
    }

    private void allow(String range) {
        if (range == null || range.isBlank()) {
            return;
        }
        try {
            allowlist.add(new IpAddressMatcher(range));
            allowlistText.add(range);
        } catch (IllegalArgumentException e) {
            // a trunk given by host name: its addresses now
            try {
                for (InetAddress a : InetAddress.getAllByName(range)) {
                    allowlist.add(new IpAddressMatcher(a.getHostAddress()));
                    allowlistText.add(a.getHostAddress() + " (" + range + ")");
                }
            } catch (Exception unresolved) {
                log.warn("SIP edge: trunk {} does not resolve; it is not allowlisted", range);
            }
        }
    }

    // ---- the stack's way in ----------------------------------------------------------------------

    /**
     * Puts this edge in front of the stack about to be created with {@code stackProperties}: its
     * parser (drops before parsing, parse-error accounting), its message valve (answers to malformed
     * requests, TCP limits per request) and the log guard.
     */
    public void attachTo(String stackName, java.util.Properties stackProperties) {
        BY_STACK.put(stackName, this);
        StackLogGuard.install(this);
        stackProperties.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", EdgeParserFactory.class.getName());
        stackProperties.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", EdgeValve.class.getName());
        stackProperties.setProperty("gov.nist.javax.sip.LOG_STACK_TRACE_ON_MESSAGE_SEND", "false");
        // NIO transports: one selector thread for every TCP connection, with the edge's caps and timeouts
        stackProperties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                EdgeMessageProcessorFactory.class.getName());
        // the stack's own idle audit is only a backstop (it also covers connections we opened): the
        // edge's sweep closes idle inbound connections first, and counts them
        stackProperties.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME",
                Long.toString(2 * properties.tcp().idleTimeout().toMillis()));
    }

    public void detachFrom(String stackName) {
        if (stackName != null) {
            BY_STACK.remove(stackName);
        }
    }

    /** The sent-message counters of the server's stack (docs/operations.md), or null for another stack. */
    static org.reachpbx.server.sip.stack.SipMessagesSent sentBy(gov.nist.javax.sip.stack.SIPTransactionStack stack) {
        return org.reachpbx.server.sip.stack.SipMessagesSent.forStack(
                stack instanceof gov.nist.javax.sip.SipStackImpl s ? s.getStackName() : null);
    }

    /** The edge of the stack with this name, or null (a stack of someone else, e.g. a test phone). */
    public static SipEdge forStack(String stackName) {
        return stackName == null ? null : BY_STACK.get(stackName);
    }

    public EdgeProperties properties() {
        return properties;
    }

    EdgeConnections connections() {
        return connections;
    }

    // ---- limits and bans ---------------------------------------------------------------------------

    public boolean allowlisted(InetAddress source) {
        if (source == null) {
            return false;
        }
        String text = source.getHostAddress();
        for (IpAddressMatcher m : allowlist) {
            if (m.matches(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a banned source is still banned (expired bans are dropped on the way). */
    public boolean banned(InetAddress source) {
        if (source == null || bans.isEmpty()) {
            return false;
        }
        String key = source.getHostAddress();
        Ban ban = bans.get(key);
        if (ban == null) {
            return false;
        }
        if (!ban.until().isAfter(clock.instant())) {
            bans.remove(key, ban);
            log.info("SIP edge: the ban of {} ({}) has expired", key, ban.reason());
            return false;
        }
        return true;
    }

    /**
     * Whether one message from {@code source} may go on: not when the source is banned or over its
     * rate (then it is dropped and counted; a source that keeps flooding gets banned).
     */
    public boolean admit(InetAddress source) {
        if (!properties.enabled() || source == null) {
            return true;
        }
        if (banned(source)) {
            count("dropped.banned");
            return false;
        }
        if (allowlisted(source)) {
            return true;
        }
        String key = source.getHostAddress();
        Source s = sources.get(key, k -> new Source(newBucket()));
        if (s.bucket.tryConsume(1)) {
            return true;
        }
        count("dropped.rate-limited");
        if (s.overRate(clock.millis(), properties.floodWindow().toMillis()) >= properties.floodBanAfter()) {
            ban(key, Reason.FLOOD, properties.banDuration());
        } else {
            edgeLog.warn("rate:" + key, "SIP edge: " + key + " sends more than " + properties.requestsPerSecond()
                    + " messages/s; dropping the excess");
        }
        return false;
    }

    /** A digest response from this source did not match (wrong password, unknown user): N of them ban it. */
    public void authenticationFailed(String source) {
        count("auth.failures");
        if (!properties.enabled() || source == null) {
            return;
        }
        InetAddress address = address(source);
        if (address == null || allowlisted(address)) {
            return;
        }
        String key = address.getHostAddress();
        Source s = sources.get(key, k -> new Source(newBucket()));
        if (s.authFailure(clock.millis(), properties.authWindow().toMillis()) >= properties.authBanAfter()) {
            ban(key, Reason.AUTHENTICATION_FAILURES, properties.banDuration());
        }
    }

    /** Bans an address now (also from REST); allowlisted addresses are never banned. */
    public Ban ban(String address, Reason reason, Duration duration) {
        InetAddress a = address(address);
        if (a == null) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        if (allowlisted(a)) {
            return null;
        }
        Instant now = clock.instant();
        Ban ban = new Ban(a.getHostAddress(), reason, now, now.plus(duration));
        if (bans.put(ban.address(), ban) == null) {
            count("bans");
            log.warn("SIP edge: banned {} until {} ({})", ban.address(), ban.until(), reason);
        }
        sources.invalidate(ban.address());
        return ban;
    }

    public boolean unban(String address) {
        InetAddress a = address(address);
        boolean removed = a != null && bans.remove(a.getHostAddress()) != null;
        if (removed) {
            log.info("SIP edge: {} unbanned", a.getHostAddress());
        }
        return removed;
    }

    public List<Ban> bans() {
        Instant now = clock.instant();
        bans.values().removeIf(b -> !b.until().isAfter(now));
        return bans.values().stream().sorted(Comparator.comparing(Ban::since)).toList();
    }

    // ---- accounting --------------------------------------------------------------------------------

    /** A message the stack could not parse: one short line per source per interval, and a count. */
    public void parseError(String source, String transport, int bytes, String reason) {
        count("parse-errors");
        edgeLog.warn("parse:" + source, "SIP edge: unparseable message from " + (source == null ? "?" : source)
                + " (" + transport + ", " + bytes + " bytes): " + RateLimitedLog.clean(reason));
    }

    /** A request answered with an error by the edge itself (400, 416, 420, 482, 505). */
    public void rejected(int status, String source, String reason) {
        count("rejected." + status);
        edgeLog.warn("rejected:" + source, "SIP edge: answered " + status + " " + RateLimitedLog.clean(reason)
                + " to " + (source == null ? "?" : source));
    }

    /** Something about TCP connections: refused (cap, ban), closed (idle, slow message). */
    public void tcp(String event, String source) {
        count("tcp." + event);
        if (event.equals("closed-idle")) {
            return; // ordinary housekeeping: counted, not logged
        }
        edgeLog.warn("tcp:" + event + ":" + source, "SIP edge: TCP connection from " + source + " " + event.replace('-', ' '));
    }

    public void count(String name) {
        counts.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        counters.computeIfAbsent(name, k -> Counter.builder("pbx.sip.edge." + k).register(meters)).increment();
    }

    public long counter(String name) {
        AtomicLong c = counts.get(name);
        return c == null ? 0 : c.get();
    }

    public Snapshot snapshot() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return new Snapshot(properties.enabled(), bans(), copy, List.copyOf(allowlistText),
                properties.requestsPerSecond(), properties.burst(), connections.size());
    }

    // ---- internals ---------------------------------------------------------------------------------

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.burst())
                        .refillGreedy(properties.requestsPerSecond(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    private static InetAddress address(String text) {
        if (text == null || text.isBlank() || !text.matches("[0-9a-fA-F.:\\[\\]%]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text.replace("[", "").replace("]", ""));
        } catch (Exception e) {
            return null;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** What the edge keeps per source address. */
    private static final class Source {
        final Bucket bucket;
        private long floodWindowStart;
        private int overRate;
        private final ArrayDeque<Long> authFailures = new ArrayDeque<>();

        Source(Bucket bucket) {
            this.bucket = bucket;
        }

        synchronized int overRate(long now, long window) {
            if (now - floodWindowStart > window) {
                floodWindowStart = now;
                overRate = 0;
            }
            return ++overRate;
        }

        synchronized int authFailure(long now, long window) {
            authFailures.addLast(now);
            while (!authFailures.isEmpty() && now - authFailures.peekFirst() > window) {
                authFailures.removeFirst();
            }
            return authFailures.size();
        }
    }
}
