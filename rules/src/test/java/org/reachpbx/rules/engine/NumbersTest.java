package org.reachpbx.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ACC-08: numbers are matched in national format. */
class NumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "+31201110000,    0201110000",     // +31 becomes 0
            "0031201110000,   0201110000",     // 0031 becomes 0
            "0201110000,      0201110000",     // national stays
            "+31 (0)20 111 0000, 0201110000",  // the trunk 0 written after the country code is dropped
            "0031 0 20 1110000, 0201110000",
            "+4930123456,     004930123456",   // any other + becomes 00
            "0049301234567,   0049301234567",  // international stays
            "+1 212 555 1234, 0012125551234",
            "020-111 0000,    0201110000",     // separators are dropped
            "'#31#0612345678', '#31#0612345678'", // caller-ID codes are kept
            "'#32#+31612345678', '#32#0612345678'", // the number after a caller-ID code is normalised too
            "'#31#0031612345678', '#31#0612345678'",
            "*8202,           *8202",
            "112,             112",
            "201,             201"})
    void national(String in, String out) {
        assertThat(Numbers.national(in)).isEqualTo(out);
    }

    @Test
    void nullStaysNullAndEmptyStaysEmpty() {
        assertThat(Numbers.national(null)).isNull();
        assertThat(Numbers.national("")).isEmpty();
    }

    @Test
    void aPlusInTheMiddleIsDropped() {
        assertThat(Numbers.national("06+12345678")).isEqualTo("0612345678");
    }

    @Test
    void digitsOnly() {
        assertThat(Numbers.digitsOnly("0612345678")).isTrue();
        assertThat(Numbers.digitsOnly("*8202")).isFalse();
        assertThat(Numbers.digitsOnly("")).isFalse();
        assertThat(Numbers.digitsOnly(null)).isFalse();
    }

    @Test
    void externalNumbersStartWithZero() {
        assertThat(Numbers.isExternal("0612345678")).isTrue();
        assertThat(Numbers.isExternal("0049301234567")).isTrue();
        assertThat(Numbers.isExternal("201")).isFalse();
        assertThat(Numbers.isExternal(null)).isFalse();
    }
}
