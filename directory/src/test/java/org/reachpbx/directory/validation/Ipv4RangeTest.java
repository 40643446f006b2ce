package org.reachpbx.directory.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The IP allowlist rules of IPL-03 and IPL-T2 on their own. */
class Ipv4RangeTest {

    private static final String P = "ipAllowlist[0]";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.0.0", "192.0.2.10", "255.255.255.255", "10.0.0.1"})
    void acceptsASingleAddress(String address) {
        assertThat(Ipv4Range.check(P, address, null)).isEmpty();
        assertThat(Ipv4Range.check(P, address, "")).isEmpty();
        assertThat(Ipv4Range.check(P, address, "  ")).isEmpty();
    }

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource({"192.0.2.0, 192.0.2.255", "192.0.2.10, 192.0.2.11", "192.0.2.50, 192.0.2.100",
            "10.1.255.0, 10.1.255.255", "0.0.0.0, 0.0.0.255", "255.255.255.0, 255.255.255.255"})
    void acceptsARangeInsideOneBlock(String from, String to) {
        assertThat(Ipv4Range.check(P, from, to)).isEmpty();
    }

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource({"192.0.2.0, 192.0.3.10", "192.0.2.255, 192.0.3.0", "192.0.2.0, 192.0.3.0", "10.0.0.0, 10.255.255.255",
            "192.0.2.0, 193.0.2.255"})
    void refusesARangeAcrossBlocks(String from, String to) {
        assertThat(Ipv4Range.check(P, from, to)).hasValue(new Violation(P + ".to", "the range " + from + "–" + to
                + " must lie inside one x.x.x.0–x.x.x.255 block (at most 256 addresses)"));
    }

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource({"192.0.2.50, 192.0.2.10", "192.0.2.10, 192.0.2.10", "192.0.3.0, 192.0.2.255"})
    void refusesAStartThatIsNotLowerThanTheEnd(String from, String to) {
        assertThat(Ipv4Range.check(P, from, to)).hasValue(new Violation(P + ".to",
                "the start address " + from + " must be lower than the end address " + to));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"192.0.2.256", "256.0.0.1", "192.0.2", "192.0.2.1.5", "192.0.2.-1", "192.0.2.x",
            "1920.0.2.1", " 192.0.2.1", "192.0.2.1/24", "::1", "2001:db8::1", "localhost", "192,0,2,1"})
    void refusesAStartThatIsNoIpv4Address(String from) {
        assertThat(Ipv4Range.check(P, from, "192.0.2.20")).hasValueSatisfying(v -> {
            assertThat(v.path()).isEqualTo(P + ".from");
            assertThat(v.message()).isEqualTo("'" + from + "' is not an IPv4 address (e.g. 192.0.2.10)");
        });
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"192.0.2.256", "192.0.2", "x", "192.0.2.20 "})
    void refusesAnEndThatIsNoIpv4Address(String to) {
        assertThat(Ipv4Range.check(P, "192.0.2.1", to)).hasValue(new Violation(P + ".to",
                "'" + to + "' is not an IPv4 address (e.g. 192.0.2.10)"));
    }

    @Test
    void parsesDottedQuadsToTheirNumber() {
        assertThat(Ipv4Range.parse("0.0.0.0")).isZero();
        assertThat(Ipv4Range.parse("0.0.1.0")).isEqualTo(256);
        assertThat(Ipv4Range.parse("192.0.2.1")).isEqualTo((192L << 24) + (2 << 8) + 1);
        assertThat(Ipv4Range.parse("255.255.255.255")).isEqualTo(0xFFFF_FFFFL);
        assertThat(Ipv4Range.parse("255.255.255.256")).isEqualTo(-1);
    }
}
