package org.reachpbx.media.dtmf;

import java.time.Duration;
import java.util.List;

/**
 * How to collect digits: at most {@code maxDigits}; done early on {@code terminator} (not included;
 * {@code 0}: none); {@code firstDigit} to wait for the first digit and {@code interDigit} between
 * digits, after which what was keyed so far is returned. Digits keyed before the collection started
 * (type-ahead, e.g. during the prompt) count when {@code keepTypeAhead}. {@code choices}, when not
 * empty, are the valid inputs of a menu: the collection also ends as soon as the input is a choice
 * that no other choice extends (IVR-04: options of mixed lengths need no {@code #}).
 */
public record DigitSpec(int maxDigits, char terminator, Duration firstDigit, Duration interDigit, boolean keepTypeAhead,
                        List<String> choices) {

    public DigitSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public DigitSpec(int maxDigits, char terminator, Duration firstDigit, Duration interDigit, boolean keepTypeAhead) {
        this(maxDigits, terminator, firstDigit, interDigit, keepTypeAhead, List.of());
    }

    /** The same collection with type-ahead kept or not. */
    public DigitSpec keepingTypeAhead(boolean keep) {
        return new DigitSpec(maxDigits, terminator, firstDigit, interDigit, keep, choices);
    }

    /** Whether {@code keyed} is a choice that no other choice begins with (nothing more to wait for). */
    public boolean completes(String keyed) {
        if (!choices.contains(keyed)) {
            return false;
        }
        for (String c : choices) {
            if (c.length() > keyed.length() && c.startsWith(keyed)) {
                return false;
            }
        }
        return true;
    }
}
