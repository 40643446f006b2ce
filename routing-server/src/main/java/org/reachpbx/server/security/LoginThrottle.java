package org.reachpbx.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and address, per address, and per account, each within a sliding
 * window, and says whether a login attempt is locked out (and for how long). The platform admin is
 * never locked as an account (only per address), and never from {@code admin-addresses}, so a flood
 * against "admin" cannot lock out the real admin. In memory: a restart forgets the counts.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Keys kept at most, so that a flood of made-up names cannot fill the memory. */
    private static final int MAX_KEYS = 100_000;

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final String platformAdmin;
    private final List<IpAddressMatcher> adminAddresses;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleProperties settings, Clock clock, @Value("${pbx.admin.username}") String platformAdmin) {
        this.settings = settings;
        this.clock = clock;
        this.platformAdmin = platformAdmin;
        this.adminAddresses = settings.adminAddresses().stream().map(a -> new IpAddressMatcher(a.trim())).toList();
    }

    /** How long an attempt of {@code user} from {@code address} is still refused; empty when it may try. */
    public Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        boolean admin = platformAdmin.equals(user);
        if (admin && fromAdminAddress(address)) {
            return Optional.empty();
        }
        Optional<Duration> longest = Optional.empty();
        longest = longer(longest, locked("pair:" + user + "\u0000" + address, settings.maxFailures(), now));
        longest = longer(longest, locked("address:" + address, settings.maxFailuresPerAddress(), now));
        if (!admin) {
            longest = longer(longest, locked("account:" + user, settings.maxFailuresPerAccount(), now));
        }
        return longest;
    }

    /** A failed login of {@code user} from {@code address}; true when it started a lock. */
    public boolean failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            prune(now);
        }
        boolean before = lockedFor(user, address).isPresent();
        add("pair:" + user + "\u0000" + address, now);
        add("address:" + address, now);
        add("account:" + user, now);
        boolean after = lockedFor(user, address).isPresent();
        if (!before && after) {
            log.warn("Logins of '{}' from {} refused for {} after repeated failures", LoginAttempts.printable(user),
                    address, settings.lock());
        }
        return !before && after;
    }

    /** A successful login: the failures of this account from this address are forgiven. */
    public void succeeded(String user, String address) {
        failures.remove("pair:" + user + "\u0000" + address);
    }

    /** Forgets every count (tests, or an admin's "unlock all"). */
    public void reset() {
        failures.clear();
    }

    private boolean fromAdminAddress(String address) {
        try {
            return adminAddresses.stream().anyMatch(m -> m.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private Optional<Duration> locked(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            expire(times, now);
            if (times.size() < max) {
                return Optional.empty();
            }
            Instant last = times.peekLast();
            Instant windowStart = last.minus(settings.window());
            if (times.stream().filter(t -> !t.isBefore(windowStart)).count() < max) {
                return Optional.empty();
            }
            Instant until = last.plus(settings.lock());
            return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
        }
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
        }
    }

    /** Failures older than the window no longer count, unless they still hold a lock. */
    private void expire(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(settings.window().compareTo(settings.lock()) >= 0 ? settings.window() : settings.lock());
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }

    private void prune(Instant now) {
        failures.values().removeIf(times -> {
            synchronized (times) {
                expire(times, now);
                return times.isEmpty();
            }
        });
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }
}
