package org.reachpbx.directory.validation;

import java.util.Optional;

/**
 * PIN rules of USR-02: 4 to 8 digits; PINs of one repeated digit and strictly ascending or
 * descending runs (1111, 1234, 4321) are refused as insecure. 0000 is accepted and means "choose a
 * new PIN at the next login".
 */
public final class PinPolicy {

    public static final String MUST_CHANGE = "0000";

    private PinPolicy() {
    }

    /** The reason a PIN is refused, in English, or empty when it is acceptable. */
    public static Optional<String> check(String pin) {
        return refusal(pin).map(key -> ViolationTexts.english(key, java.util.List.of()));
    }

    /** The text key ({@link ViolationTexts}) of the reason a PIN is refused, or empty when it is acceptable. */
    static Optional<String> refusal(String pin) {
        if (pin == null || !pin.matches("\\d{4,8}")) {
            return Optional.of("pinDigits");
        }
        if (pin.equals(MUST_CHANGE)) {
            return Optional.empty();
        }
        if (pin.chars().distinct().count() == 1) {
            return Optional.of("pinRepeatedDigit");
        }
        if (isRun(pin, 1) || isRun(pin, -1)) {
            return Optional.of("pinRun");
        }
        return Optional.empty();
    }

    private static boolean isRun(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if (pin.charAt(i) - pin.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }
}
