package org.reachpbx.server.sip.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Settings of the SIP edge ({@code pbx.sip.edge.*}, docs/sip-edge.md): per-source rate limits,
 * temporary bans, the allowlist and the TCP limits. Every value is checked at start; a bad one
 * stops the application with a message naming the property.
 *
 * @param enabled           rate limits and bans on (parse-error accounting and the malformed-request
 *                          answers are always on)
 * @param requestsPerSecond messages per second one source address may send, sustained
 * @param burst             messages one source address may send at once above the sustained rate
 * @param floodBanAfter     messages dropped by the rate limit within {@code floodWindow} that ban the source
 * @param floodWindow       window for {@code floodBanAfter}
 * @param authBanAfter      failed digest authentications (403) within {@code authWindow} that ban the source
 * @param authWindow        window for {@code authBanAfter}
 * @param banDuration       how long a ban lasts
 * @param allowlist         addresses or CIDR ranges never limited or banned (trunks are added automatically)
 * @param maxTrackedSources source addresses kept in memory at most (the least recently seen go first)
 * @param logInterval       at most one log line per source and reason per interval (parse errors, drops)
 * @param tcp               TCP connection limits
 */
@ConfigurationProperties("pbx.sip.edge")
public record EdgeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") int requestsPerSecond,
        @DefaultValue("200") int burst,
        @DefaultValue("200") int floodBanAfter,
        @DefaultValue("10s") Duration floodWindow,
        @DefaultValue("10") int authBanAfter,
        @DefaultValue("10m") Duration authWindow,
        @DefaultValue("15m") Duration banDuration,
        @DefaultValue({}) List<String> allowlist,
        @DefaultValue("100000") int maxTrackedSources,
        @DefaultValue("10s") Duration logInterval,
        @DefaultValue Tcp tcp) {

    /**
     * TCP limits ({@code pbx.sip.edge.tcp.*}); the transport is the stack's NIO one (no thread per connection).
     *
     * @param maxConnections           open inbound connections at most; more are refused
     * @param maxConnectionsPerAddress open inbound connections per source address at most
     * @param idleTimeout              a connection with no traffic this long is closed (longer than the
     *                                 registration interval of phones that keep their connection open)
     * @param messageTimeout           a message that started arriving must be complete within this time,
     *                                 else the connection is closed (slowloris)
     */
    public record Tcp(
            @DefaultValue("4096") int maxConnections,
            @DefaultValue("32") int maxConnectionsPerAddress,
            @DefaultValue("65m") Duration idleTimeout,
            @DefaultValue("20s") Duration messageTimeout) {

        public Tcp {
            positive("tcp.max-connections", maxConnections);
            positive("tcp.max-connections-per-address", maxConnectionsPerAddress);
            positive("tcp.idle-timeout", idleTimeout);
            positive("tcp.message-timeout", messageTimeout);
        }
    }

    public EdgeProperties {
        allowlist = allowlist == null ? List.of() : List.copyOf(allowlist);
        positive("requests-per-second", requestsPerSecond);
        positive("burst", burst);
        positive("flood-ban-after", floodBanAfter);
        positive("flood-window", floodWindow);
        positive("auth-ban-after", authBanAfter);
        positive("auth-window", authWindow);
        positive("ban-duration", banDuration);
        positive("max-tracked-sources", maxTrackedSources);
        positive("log-interval", logInterval);
        for (String range : allowlist) {
            try {
                new IpAddressMatcher(range.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pbx.sip.edge.allowlist: '" + range
                        + "' is not an address or CIDR range (e.g. 192.0.2.0/24, 2001:db8::/32)");
            }
        }
        if (tcp == null) {
            tcp = new Tcp(4096, 32, Duration.ofMinutes(65), Duration.ofSeconds(20));
        }
    }

    /** Defaults, as documented (tests and code paths without Spring binding). */
    public static EdgeProperties defaults() {
        return new EdgeProperties(true, 100, 200, 200, Duration.ofSeconds(10), 10, Duration.ofMinutes(10),
                Duration.ofMinutes(15), List.of(), 100_000, Duration.ofSeconds(10), null);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("pbx.sip.edge." + name + " must be positive, not " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("pbx.sip.edge." + name + " must be a positive duration, not " + value);
        }
    }
}
