package org.reachpbx.server.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SIP digest authentication (RFC 3261 §22, RFC 7616, RFC 8760) against stored HA1 values, qop=auth.
 * <p>
 * Nonces are stateless: {@code base64(timestamp ":" random ":" hmac(timestamp ":" random ":" source))}
 * with a per-start secret. The random part makes every challenge unique (two clients challenged in the
 * same millisecond used to get the same nonce, and the second one's {@code nc=00000001} was taken for a
 * replay of the first: the load regression of issue 15); the HMAC binds the nonce to the source address
 * it was issued to, so a captured nonce is worthless from elsewhere; the timestamp bounds its age.
 * <p>
 * Against replay, what was used with each nonce is kept for the nonce's lifetime: with qop the
 * highest nonce count (a response whose count does not go up is a replay, RFC 7616 §3.4); without
 * qop the nonce is single-use. A retransmission (the same count and the same Via branch) is not a
 * replay. Replays are answered like a stale nonce, so a genuine client simply authenticates again.
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

    /** When a nonce was issued, the highest count used with it (0 without qop) and the request's branch. */
    private record Seen(long issued, long count, String branch) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Seen> used = new ConcurrentHashMap<>();
    private final AtomicLong checks = new AtomicLong();

    public DigestAuth(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        random.nextBytes(secret);
    }

    /** A nonce for a challenge to {@code source} (the client's IP address; null when unknown). */
    public String newNonce(String source) {
        byte[] salt = new byte[9];
        random.nextBytes(salt);
        String stamp = clock.millis() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((stamp + ":" + hmac(stamp + ":" + source)).getBytes(StandardCharsets.US_ASCII));
    }

    /** A nonce not bound to an address (tests, and callers that do not know the source). */
    public String newNonce() {
        return newNonce(null);
    }

    /** Whether the nonce was made by this server for this source (and is not forged), regardless of its age. */
    boolean genuine(String nonce, String source) {
        return timestampOf(nonce, source) >= 0;
    }

    boolean genuine(String nonce) {
        return genuine(nonce, null);
    }

    private long timestampOf(String nonce, String source) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
            int mac = text.lastIndexOf(':');
            int colon = text.indexOf(':');
            if (colon <= 0 || mac <= colon) {
                return -1;
            }
            String stamp = text.substring(0, mac);
            if (!MessageDigest.isEqual(hmac(stamp + ":" + source).getBytes(StandardCharsets.US_ASCII),
                    text.substring(mac + 1).getBytes(StandardCharsets.US_ASCII))) {
                return -1;
            }
            return Long.parseLong(text.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    public Result check(Algorithm algorithm, String ha1, String nonce, String method, String uri, String qop,
                        String nc, String cnonce, String response) {
        return check(algorithm, ha1, nonce, method, uri, qop, nc, cnonce, response, null, null);
    }

    /**
     * Checks a digest response against a stored HA1. Always does the full computation, also for an
     * unknown user (pass a dummy HA1 and ignore the result), so the timing does not tell them apart.
     *
     * @param source the request's source address, as given to {@link #newNonce(String)}
     * @param branch the request's top Via branch: a retransmission repeats it and is not a replay
     */
    public Result check(Algorithm algorithm, String ha1, String nonce, String method, String uri, String qop,
                        String nc, String cnonce, String response, String source, String branch) {
        String ha2 = hash(algorithm, method + ":" + uri);
        String expected = qop == null
                ? hash(algorithm, ha1 + ":" + nonce + ":" + ha2)
                : hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        long ts = timestampOf(nonce, source);
        if (ts < 0 || !match) {
            return Result.WRONG;
        }
        if (clock.millis() - ts > lifetime.toMillis()) {
            return Result.STALE;
        }
        long count;
        if (qop == null) {
            count = 0;
        } else {
            try {
                count = Long.parseLong(nc, 16);
            } catch (NumberFormatException e) {
                return Result.WRONG;
            }
        }
        return firstUse(nonce, ts, count, qop == null, branch) ? Result.OK : Result.REPLAY;
    }

    /**
     * Records the use; false when the nonce (without qop) or the count (with qop) was used before by
     * another request than this one.
     */
    private boolean firstUse(String nonce, long issued, long count, boolean singleUse, String branch) {
        if (checks.incrementAndGet() % 1024 == 0) {
            long oldest = clock.millis() - lifetime.toMillis();
            used.values().removeIf(seen -> seen.issued() < oldest); // stale by now: no replay possible
        }
        boolean[] fresh = {false};
        used.compute(nonce, (k, seen) -> {
            if (seen == null || (!singleUse && count > seen.count())) {
                fresh[0] = true;
                return new Seen(issued, count, branch);
            }
            // The same request again (a retransmission the transaction layer did not absorb).
            fresh[0] = branch != null && branch.equals(seen.branch()) && count == seen.count();
            return seen;
        });
        return fresh[0];
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
