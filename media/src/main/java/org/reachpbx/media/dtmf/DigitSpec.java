package org.reachpbx.media.dtmf;

import java.time.Duration;

/**
 * How to collect digits: at most {@code maxDigits}; done early on {@code terminator} (not included;
 * {@code 0}: none); {@code firstDigit} to wait for the first digit and {@code interDigit} between
 * digits, after which what was keyed so far is returned. Digits keyed before the collection started
 * (type-ahead, e.g. during the prompt) count when {@code keepTypeAhead}.
 */
public record DigitSpec(int maxDigits, char terminator, Duration firstDigit, Duration interDigit, boolean keepTypeAhead) {
}
