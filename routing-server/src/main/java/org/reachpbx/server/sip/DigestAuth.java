package org.reachpbx.server.sip;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SIP digest authentication (RFC 3261 §22, RFC 7616) against stored HA1 values, qop=auth.
 * Nonces are stateless: {@code base64(timestamp ":" hmac(timestamp))} with a per-start secret, so
 * their age can be checked without a table; a nonce older than the lifetime is stale. Against
 * replay, the highest nonce count ({@code nc}) seen per nonce is kept for the nonce's lifetime: a
 * response whose count does not go up is a replay (RFC 7616 §3.4), answered like a stale nonce so a
 * genuine client simply authenticates again with a fresh one.
 */
public class DigestAuth {

    public enum Algorithm {
        MD5("MD5", "MD5"), SHA_256("SHA-256", "SHA-256");

        final String token;
        final String jca;

        Algorithm(String token, String jca) {
            this.token = token;
            this.jca = jca;
        }

        public String token() {
            return token;
        }

        public static Algorithm of(String token) {
            if (token == null || token.isEmpty() || token.equalsIgnoreCase("MD5")) {
                return MD5;
            }
            if (token.equalsIgnoreCase("SHA-256")) {
                return SHA_256;
            }
            return null;
        }
    }

    /** Outcome of checking a response. */
    public enum Result { OK, WRONG, STALE, REPLAY }

    /** When a nonce was issued and the highest count used with it. */
    private record Seen(long issued, long count) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final byte[] secret = new byte[32];
    private final java.util.concurrent.ConcurrentHashMap<String, Seen> counts = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();

    public DigestAuth(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        new SecureRandom().nextBytes(secret);
    }

    public String newNonce() {
        String ts = Long.toString(clock.millis());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((ts + ":" + hmac(ts)).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the nonce was made by this server (and is not forged), regardless of its age. */
    boolean genuine(String nonce) {
        return timestampOf(nonce) >= 0;
    }

    private long timestampOf(String nonce) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return -1;
            }
            String ts = text.substring(0, colon);
            if (!MessageDigest.isEqual(hmac(ts).getBytes(StandardCharsets.US_ASCII),
                    text.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
                return -1;
            }
            return Long.parseLong(ts);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /**
     * Checks a digest response against a stored HA1. Always does the full computation, also for an
     * unknown user (pass a dummy HA1 and ignore the result), so the timing does not tell them apart.
     */
    public Result check(Algorithm algorithm, String ha1, String nonce, String method, String uri, String qop,
                        String nc, String cnonce, String response) {
        String ha2 = hash(algorithm, method + ":" + uri);
        String expected = qop == null
                ? hash(algorithm, ha1 + ":" + nonce + ":" + ha2)
                : hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        long ts = timestampOf(nonce);
        if (ts < 0) {
            return Result.WRONG;
        }
        if (!match) {
            return Result.WRONG;
        }
        if (clock.millis() - ts > lifetime.toMillis()) {
            return Result.STALE;
        }
        return qop == null || firstUse(nonce, ts, nc) ? Result.OK : Result.REPLAY;
    }

    /** Records the nonce count; false when it is not higher than one seen before with this nonce. */
    private boolean firstUse(String nonce, long issued, String nc) {
        long count;
        try {
            count = Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return false;
        }
        if (checks.incrementAndGet() % 1024 == 0) {
            long oldest = clock.millis() - lifetime.toMillis();
            counts.values().removeIf(seen -> seen.issued() < oldest); // stale by now: no replay possible
        }
        boolean[] higher = {false};
        counts.compute(nonce, (k, seen) -> {
            if (seen == null || count > seen.count()) {
                higher[0] = true;
                return new Seen(issued, count);
            }
            return seen;
        });
        return higher[0];
    }

    public static String hash(Algorithm algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.jca)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII))).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
