package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GEN-06/07: which keyed digits make a code; everything else is no code. */
class InCallCodesTest {

    static InCallCodes.Code key(InCallCodes codes, String digits) {
        InCallCodes.Code last = null;
        for (char c : digits.toCharArray()) {
            InCallCodes.Code code = codes.keyed(c);
            if (code != null) {
                last = code;
            }
        }
        return last;
    }

    @Test
    void hashHashStarDestinationHashIsABlindTransfer() {
        assertThat(key(new InCallCodes(), "##*234#")).isEqualTo(new InCallCodes.BlindTransfer("234"));
    }

    @Test
    void hashHashDestinationHashIsAConsultation() {
        assertThat(key(new InCallCodes(), "##234#")).isEqualTo(new InCallCodes.Consultation("234"));
    }

    @Test
    void digitsWithoutTheLeadingHashHashAreNoCode() {
        assertThat(key(new InCallCodes(), "1234#")).isNull();
        assertThat(key(new InCallCodes(), "#1*234#")).as("a single # does not start a code").isNull();
        assertThat(key(new InCallCodes(), "##*#")).as("no destination").isNull();
        assertThat(key(new InCallCodes(), "##12A4#")).as("A-D are no part of a code").isNull();
    }

    @Test
    void aCodeAfterOtherDigitsIsStillRecognisedAndARunawayOneIsDropped() {
        InCallCodes codes = new InCallCodes();
        assertThat(key(codes, "12##*0201234567#")).isEqualTo(new InCallCodes.BlindTransfer("0201234567"));
        assertThat(key(codes, "##" + "1".repeat(30) + "#")).isNull();
        assertThat(key(codes, "1##*203#")).isEqualTo(new InCallCodes.BlindTransfer("203"));
    }
}
