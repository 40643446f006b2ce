package org.reachpbx.server.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.model.SipPasswordHash;
import org.reachpbx.server.sip.registrar.DigestAuth.Algorithm;
import org.reachpbx.server.sip.registrar.DigestAuth.Result;

/** Digest checks against stored HA1 values: right, wrong, stale and forged nonces. */
class SipDigestAuthTest {

    static class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock = new MutableClock();
    final DigestAuth auth = new DigestAuth(clock, Duration.ofMinutes(5));
    final SipPasswordHash stored = SipPasswordHash.of("alice", "example.org", "secret-123");

    String response(Algorithm a, String ha1, String nonce) {
        String ha2 = DigestAuth.hash(a, "REGISTER:sip:example.org");
        return DigestAuth.hash(a, ha1 + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
    }

    @Test
    void acceptsTheRightResponseForBothAlgorithms() {
        String nonce = auth.newNonce();
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", response(Algorithm.MD5, stored.getMd5(), nonce))).isEqualTo(Result.OK);
        clock.now = clock.now.plusMillis(1);
        nonce = auth.newNonce();
        assertThat(auth.check(Algorithm.SHA_256, stored.getSha256(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", response(Algorithm.SHA_256, stored.getSha256(), nonce))).isEqualTo(Result.OK);
    }

    @Test
    void rejectsAWrongPassword() {
        String nonce = auth.newNonce();
        String wrong = SipPasswordHash.of("alice", "example.org", "guess").getMd5();
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", response(Algorithm.MD5, wrong, nonce))).isEqualTo(Result.WRONG);
    }

    @Test
    void anOldNonceIsStaleButOnlyWithTheRightPassword() {
        String nonce = auth.newNonce();
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", response(Algorithm.MD5, stored.getMd5(), nonce))).isEqualTo(Result.STALE);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", "0".repeat(32))).isEqualTo(Result.WRONG);
    }

    @Test
    void aNonceCountUsedAgainIsAReplay() {
        String nonce = auth.newNonce();
        String ha2 = DigestAuth.hash(Algorithm.MD5, "REGISTER:sip:example.org");
        String first = DigestAuth.hash(Algorithm.MD5, stored.getMd5() + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
        String second = DigestAuth.hash(Algorithm.MD5, stored.getMd5() + ":" + nonce + ":00000002:c0ffee:auth:" + ha2);

        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", first)).isEqualTo(Result.OK);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", first)).as("the same response again").isEqualTo(Result.REPLAY);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000002", "c0ffee", second)).as("the next count").isEqualTo(Result.OK);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", first)).as("an older count").isEqualTo(Result.REPLAY);
    }

    @Test
    void aNonceFromAnotherServerIsNotGenuine() {
        DigestAuth other = new DigestAuth(clock, Duration.ofMinutes(5));
        assertThat(auth.genuine(auth.newNonce())).isTrue();
        assertThat(auth.genuine(other.newNonce())).isFalse();
        assertThat(auth.genuine("not base64 !")).isFalse();
    }

    String responseWithoutQop(Algorithm a, String ha1, String nonce) {
        String ha2 = DigestAuth.hash(a, "REGISTER:sip:example.org");
        return DigestAuth.hash(a, ha1 + ":" + nonce + ":" + ha2);
    }

    @Test
    void clientsChallengedInTheSameMillisecondEachGetTheirOwnNonce() {
        // The load regression of issue 15: equal nonces made the second client's nc=1 look like a replay.
        java.util.Set<String> nonces = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            String nonce = auth.newNonce("127.0.0.1");
            assertThat(nonces.add(nonce)).as("nonce %d is new", i).isTrue();
            assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                    "00000001", "c0ffee", response(Algorithm.MD5, stored.getMd5(), nonce), "127.0.0.1", "z9hG4bK" + i))
                    .isEqualTo(Result.OK);
        }
    }

    @Test
    void aNonceIsBoundToTheAddressItWasIssuedTo() {
        String nonce = auth.newNonce("192.0.2.10");
        assertThat(auth.genuine(nonce, "192.0.2.10")).isTrue();
        assertThat(auth.genuine(nonce, "198.51.100.7")).isFalse();
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", response(Algorithm.MD5, stored.getMd5(), nonce), "198.51.100.7", "z9hG4bK1"))
                .isEqualTo(Result.WRONG);
    }

    @Test
    void withoutQopANonceIsSingleUseButARetransmissionIsNotAReplay() {
        String nonce = auth.newNonce("192.0.2.10");
        String r = responseWithoutQop(Algorithm.MD5, stored.getMd5(), nonce);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", null, null, null,
                r, "192.0.2.10", "z9hG4bKa")).isEqualTo(Result.OK);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", null, null, null,
                r, "192.0.2.10", "z9hG4bKa")).as("the same request retransmitted").isEqualTo(Result.OK);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", null, null, null,
                r, "192.0.2.10", "z9hG4bKb")).as("captured and sent again as a new request").isEqualTo(Result.REPLAY);
    }

    @Test
    void withQopTheSameCountInTheSameTransactionIsARetransmission() {
        String nonce = auth.newNonce("192.0.2.10");
        String r = response(Algorithm.MD5, stored.getMd5(), nonce);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", r, "192.0.2.10", "z9hG4bKa")).isEqualTo(Result.OK);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", r, "192.0.2.10", "z9hG4bKa")).isEqualTo(Result.OK);
        assertThat(auth.check(Algorithm.MD5, stored.getMd5(), nonce, "REGISTER", "sip:example.org", "auth",
                "00000001", "c0ffee", r, "192.0.2.10", "z9hG4bKother")).isEqualTo(Result.REPLAY);
    }

    @Test
    void theDigestUriMustNameTheRequest() throws Exception {
        javax.sip.address.AddressFactory af = javax.sip.SipFactory.getInstance().createAddressFactory();
        javax.sip.address.URI invite = af.createURI("sip:203@example.org;user=phone");
        javax.sip.address.URI register = af.createURI("sip:127.0.0.1:5070");
        assertThat(DigestUri.matches("sip:203@example.org", invite, "example.org")).isTrue();
        assertThat(DigestUri.matches("sip:203@EXAMPLE.org:5060;transport=tcp", invite, "example.org")).isTrue();
        assertThat(DigestUri.matches("sip:204@example.org", invite, "example.org")).as("another callee").isFalse();
        assertThat(DigestUri.matches("sip:example.org", register, "example.org")).as("signed for the domain").isTrue();
        assertThat(DigestUri.matches("sip:127.0.0.1:5070", register, "example.org")).isTrue();
        assertThat(DigestUri.matches("sip:127.0.0.1:5071", register, "example.org")).isFalse();
        assertThat(DigestUri.matches("sip:other.example.net", register, "example.org")).isFalse();
        assertThat(DigestUri.matches("tel:+31201234567", register, "example.org")).isFalse();
        // SIPp 3.6 signs sip:<server address>:<port> whatever the Request-URI (issue 15, item 4)
        java.util.List<String> us = java.util.List.of("127.0.0.1", "192.0.2.5");
        assertThat(DigestUri.namesServer("sip:127.0.0.1:5090", us, 5090)).isTrue();
        assertThat(DigestUri.namesServer("sip:192.0.2.5:5090;transport=udp", us, 5090)).isTrue();
        assertThat(DigestUri.namesServer("sip:127.0.0.1:5091", us, 5090)).as("another port").isFalse();
        assertThat(DigestUri.namesServer("sip:198.51.100.1:5090", us, 5090)).as("another server").isFalse();
        assertThat(DigestUri.namesServer("sip:203@127.0.0.1:5090", us, 5090)).as("a user's URI").isFalse();
    }
}
