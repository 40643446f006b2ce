package org.reachpbx.directory.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The PIN rules of USR-02 (and USR-09 for 907) on their own. */
class PinPolicyTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4827", "2580", "1212", "1231", "9012", "0123465", "13579", "98765431", "00001",
            "1112", "0001", "77778"})
    void acceptsPinsOfFourToEightDigitsThatAreNoPattern(String pin) {
        assertThat(PinPolicy.check(pin)).isEmpty();
    }

    @Test
    void accepts0000AsTheForcedChangePin() {
        assertThat(PinPolicy.check(PinPolicy.MUST_CHANGE)).isEmpty();
        assertThat(PinPolicy.MUST_CHANGE).isEqualTo("0000");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1111", "2222", "9999", "00000", "11111111", "55555"})
    void refusesOneRepeatedDigit(String pin) {
        assertThat(PinPolicy.check(pin)).hasValue("is insecure: one repeated digit");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1234", "0123", "6789", "12345678", "4321", "3210", "9876", "98765432"})
    void refusesAscendingAndDescendingRuns(String pin) {
        assertThat(PinPolicy.check(pin)).hasValue("is insecure: a run of consecutive digits");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"12", "123", "123456789", "12a4", "12 34", " 4827", "4827 ", "-482", "+4827", "４８２７",
            "٤٨٢٧"})
    void refusesAnythingButFourToEightAsciiDigits(String pin) {
        assertThat(PinPolicy.check(pin)).hasValue("must be 4 to 8 digits");
    }
}
